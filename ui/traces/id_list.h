#pragma once
#include <cstdint>
#include <memory>
#include <vector>

namespace ts::ui::traces {

// Store row ids in display order: the table's snapshot of which traces it lists.
using IdList = std::vector<std::int64_t>;
using IdListPtr = std::shared_ptr<const IdList>;

// How a refreshed id list relates to the one shown, so the model can tell views the smallest change.
struct IdListChange
{
    enum Kind { Same, InsertedAtTop, AppendedAtBottom, RemovedFromTop, RemovedFromBottom, Rearranged };
    Kind kind = Same;
    int count = 0; // rows inserted or removed
};

IdListChange compareIdLists(const IdList& before, const IdList& after);

// The position of each id in `list`, or -1 when it is not there; one pass over the list.
std::vector<int> positionsOf(const std::vector<std::int64_t>& ids, const IdList& list);

// The position of one id, or -1.
int positionOf(std::int64_t id, const IdList& list);

} // namespace ts::ui::traces
