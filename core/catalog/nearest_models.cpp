// Catalog::nearest: "did you mean" suggestions for an unknown model id.
#include "catalog/catalog.h"
#include "catalog/model_match.h"

#include <algorithm>
#include <set>

namespace ts {

namespace {

constexpr std::size_t kMaxPrefixBonus = 6;

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1] ? 1 : 0)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::size_t sharedPrefix(std::string_view a, std::string_view b)
{
    const auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
    return static_cast<std::size_t>(ia - a.begin());
}

// Lower is closer: each edit counts twice, each shared leading character (up to a few) takes one
// off, so "gpt-4-o" is nearer "gpt-4o" than "o4".
long score(std::string_view query, std::string_view id)
{
    return 2 * static_cast<long>(editDistance(query, id)) -
           static_cast<long>(std::min(sharedPrefix(query, id), kMaxPrefixBonus));
}

} // namespace

std::vector<std::string> Catalog::nearest(std::string_view modelId, std::size_t limit) const
{
    const std::string query = asciiLower(modelId);
    std::set<std::string> seen;
    std::vector<std::pair<long, std::string>> scored;
    for (const ModelInfo& m : models_)
        if (seen.insert(asciiLower(m.id)).second)
            scored.emplace_back(score(query, asciiLower(m.id)), m.id);
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < std::min(limit, scored.size()); ++i)
        out.push_back(scored[i].second);
    return out;
}

} // namespace ts
