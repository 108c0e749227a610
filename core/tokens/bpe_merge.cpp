#include "tokens/bpe_merge.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>

namespace ts::bpe {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kHeapThreshold = 64; // bytes; below this the quadratic scan is faster

std::uint32_t rankOf(const RankTable& ranks, std::string_view piece, std::size_t begin, std::size_t end)
{
    return ranks.rank(piece.substr(begin, end - begin)).value_or(kNone);
}

std::uint32_t byteRank(const RankTable& ranks, std::string_view piece, std::size_t begin, std::size_t end)
{
    // A part with no rank cannot happen with the OpenAI tables (all 256 bytes are tokens); kNone
    // keeps a broken custom table from crashing.
    return rankOf(ranks, piece, begin, end);
}

} // namespace

void mergeQuadratic(const RankTable& ranks, std::string_view piece, std::vector<std::uint32_t>& out)
{
    // parts[i] = (start, rank of parts i and i+1 merged); the last two entries are sentinels.
    std::vector<std::pair<std::size_t, std::uint32_t>> parts;
    parts.reserve(piece.size() + 1);
    for (std::size_t i = 0; i <= piece.size(); ++i)
        parts.emplace_back(i, i + 2 <= piece.size() ? rankOf(ranks, piece, i, i + 2) : kNone);
    const auto pairRank = [&](std::size_t i) {
        return i + 3 < parts.size() ? rankOf(ranks, piece, parts[i].first, parts[i + 3].first) : kNone;
    };
    while (parts.size() > 1) {
        std::uint32_t best = kNone;
        std::size_t at = 0;
        for (std::size_t i = 0; i + 1 < parts.size(); ++i)
            if (parts[i].second < best) {
                best = parts[i].second;
                at = i;
            }
        if (best == kNone)
            break;
        parts[at].second = pairRank(at);
        if (at > 0)
            parts[at - 1].second = pairRank(at - 1);
        parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(at) + 1);
    }
    for (std::size_t i = 0; i + 1 < parts.size(); ++i)
        out.push_back(byteRank(ranks, piece, parts[i].first, parts[i + 1].first));
}

void mergeHeap(const RankTable& ranks, std::string_view piece, std::vector<std::uint32_t>& out)
{
    // Parts are keyed by their start byte; next[i] is the start of the following part (= end of i).
    const std::size_t n = piece.size();
    std::vector<std::uint32_t> next(n + 1), prev(n + 1), pairRank(n + 1, kNone);
    std::vector<std::uint8_t> alive(n + 1, 1);
    std::vector<std::uint64_t> heap;
    heap.reserve(n);
    const auto key = [](std::uint32_t rank, std::size_t pos) { return std::uint64_t(rank) << 32 | pos; };
    const auto refresh = [&](std::uint32_t i, bool push) {
        const auto end = next[i];
        pairRank[i] = end < n ? rankOf(ranks, piece, i, next[end]) : kNone;
        if (pairRank[i] != kNone) {
            heap.push_back(key(pairRank[i], i));
            if (push)
                std::push_heap(heap.begin(), heap.end(), std::greater<>{});
        }
    };
    for (std::uint32_t i = 0; i <= n; ++i) {
        next[i] = i + 1;
        prev[i] = i == 0 ? kNone : i - 1;
    }
    for (std::uint32_t i = 0; i < n; ++i)
        refresh(i, false);
    std::make_heap(heap.begin(), heap.end(), std::greater<>{});

    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), std::greater<>{});
        const auto top = heap.back();
        heap.pop_back();
        const auto left = static_cast<std::uint32_t>(top & 0xffffffffu);
        // A stale entry: the part was absorbed, or its pair changed (a new rank means new bytes).
        if (!alive[left] || pairRank[left] != static_cast<std::uint32_t>(top >> 32))
            continue;
        const auto right = next[left];
        alive[right] = 0;
        next[left] = next[right];
        if (next[right] <= n)
            prev[next[right]] = left;
        refresh(left, true);
        if (prev[left] != kNone)
            refresh(prev[left], true);
    }
    for (std::size_t i = 0; i < n; i = next[i])
        out.push_back(byteRank(ranks, piece, i, next[i]));
}

void encodePiece(const RankTable& ranks, std::string_view piece, std::vector<std::uint32_t>& out)
{
    if (piece.empty())
        return;
    if (const auto whole = ranks.rank(piece)) {
        out.push_back(*whole);
        return;
    }
    if (piece.size() < kHeapThreshold)
        mergeQuadratic(ranks, piece, out);
    else
        mergeHeap(ranks, piece, out);
}

} // namespace ts::bpe
