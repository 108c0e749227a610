#include "traces/id_list.h"

#include <algorithm>
#include <unordered_map>

namespace ts::ui::traces {

namespace {

bool startsWith(const IdList& list, const IdList& prefix)
{
    return prefix.size() <= list.size() && std::equal(prefix.begin(), prefix.end(), list.begin());
}

bool endsWith(const IdList& list, const IdList& suffix)
{
    return suffix.size() <= list.size() && std::equal(suffix.rbegin(), suffix.rend(), list.rbegin());
}

int difference(const IdList& a, const IdList& b)
{
    return static_cast<int>(a.size() > b.size() ? a.size() - b.size() : b.size() - a.size());
}

} // namespace

IdListChange compareIdLists(const IdList& before, const IdList& after)
{
    const int diff = difference(before, after);
    if (after.size() == before.size())
        return {before == after ? IdListChange::Same : IdListChange::Rearranged, 0};
    if (after.size() > before.size()) {
        if (endsWith(after, before))
            return {IdListChange::InsertedAtTop, diff};
        if (startsWith(after, before))
            return {IdListChange::AppendedAtBottom, diff};
    } else {
        if (endsWith(before, after))
            return {IdListChange::RemovedFromTop, diff};
        if (startsWith(before, after))
            return {IdListChange::RemovedFromBottom, diff};
    }
    return {IdListChange::Rearranged, 0};
}

std::vector<int> positionsOf(const std::vector<std::int64_t>& ids, const IdList& list)
{
    std::unordered_map<std::int64_t, int> wanted;
    for (std::size_t i = 0; i < ids.size(); ++i)
        wanted.emplace(ids[i], -1);
    std::size_t found = 0;
    for (std::size_t pos = 0; pos < list.size() && found < wanted.size(); ++pos) {
        auto it = wanted.find(list[pos]);
        if (it != wanted.end() && it->second < 0) {
            it->second = static_cast<int>(pos);
            ++found;
        }
    }
    std::vector<int> positions;
    positions.reserve(ids.size());
    for (std::int64_t id : ids)
        positions.push_back(wanted[id]);
    return positions;
}

int positionOf(std::int64_t id, const IdList& list)
{
    auto it = std::find(list.begin(), list.end(), id);
    return it == list.end() ? -1 : static_cast<int>(it - list.begin());
}

} // namespace ts::ui::traces
