#include "tokens/bpe_merge.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <limits>

namespace ts::bpe {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kLongPiece = 64; // bytes; below this the quadratic scan is faster

std::uint32_t rankOf(const RankTable& ranks, std::string_view piece, std::size_t begin, std::size_t end)
{
    // kNone for a byte with no rank cannot happen with the OpenAI tables (all 256 bytes are
    // tokens); it keeps a broken custom table from crashing.
    return ranks.rank(piece.substr(begin, end - begin)).value_or(kNone);
}

// A min-queue of (rank, position): one bucket of positions per rank, read front to back, and a
// small heap of the ranks whose bucket is queued. In BPE a bucket is only ever appended to in
// ascending position: a pair of rank R is pushed when its two parts tile R's bytes, so the merges
// inside that span so far are R's own isolated BPE, and the merge completing it always has the
// same rank and offset; those merges are popped left to right. The sort on an out-of-order push
// keeps the queue correct on its own, but BPE never reaches it.
class RankBuckets {
public:
    // Empties the queue for ranks below vocabSize, keeping modest allocations for the next piece.
    void reset(std::size_t vocabSize)
    {
        for (std::size_t i = 0; i < m_used; ++i) {
            m_bucketOf[m_buckets[i].rank] = kNone;
            if (m_buckets[i].positions.capacity() > kKeptCapacity)
                std::vector<std::uint32_t>().swap(m_buckets[i].positions);
        }
        m_used = 0;
        m_queued.clear();
        if (m_bucketOf.size() < vocabSize)
            m_bucketOf.resize(vocabSize, kNone);
    }

    void push(std::uint32_t rank, std::uint32_t pos)
    {
        auto& bucket = bucketFor(rank);
        if (bucket.cursor == bucket.positions.size()) {
            bucket.positions.clear();
            bucket.cursor = 0;
            bucket.sorted = true;
            if (!bucket.queued) {
                bucket.queued = true;
                m_queued.push_back(rank);
                std::push_heap(m_queued.begin(), m_queued.end(), std::greater<>{});
            }
        } else if (pos < bucket.positions.back()) {
            bucket.sorted = false;
        }
        bucket.positions.push_back(pos);
    }

    // The lowest rank, leftmost position; false when empty.
    bool pop(std::uint32_t& rank, std::uint32_t& pos)
    {
        while (!m_queued.empty()) {
            auto& bucket = m_buckets[m_bucketOf[m_queued.front()]];
            if (bucket.cursor == bucket.positions.size()) {
                bucket.queued = false;
                std::pop_heap(m_queued.begin(), m_queued.end(), std::greater<>{});
                m_queued.pop_back();
                continue;
            }
            if (!bucket.sorted) {
                std::sort(bucket.positions.begin() + static_cast<std::ptrdiff_t>(bucket.cursor),
                          bucket.positions.end());
                bucket.sorted = true;
            }
            rank = bucket.rank;
            pos = bucket.positions[bucket.cursor++];
            return true;
        }
        return false;
    }

private:
    static constexpr std::size_t kKeptCapacity = 1 << 14; // positions; a thread keeps no huge bucket

    struct Bucket {
        std::vector<std::uint32_t> positions;
        std::size_t cursor = 0; // positions before it were popped
        std::uint32_t rank = 0;
        bool sorted = true; // positions from the cursor on are ascending
        bool queued = false;
    };

    Bucket& bucketFor(std::uint32_t rank)
    {
        auto& index = m_bucketOf[rank];
        if (index == kNone) {
            if (m_used == m_buckets.size())
                m_buckets.emplace_back();
            index = static_cast<std::uint32_t>(m_used++);
            auto& bucket = m_buckets[index];
            bucket.positions.clear();
            bucket.cursor = 0;
            bucket.rank = rank;
            bucket.sorted = true;
            bucket.queued = false;
        }
        return m_buckets[index];
    }

    std::vector<std::uint32_t> m_bucketOf; // rank -> index into m_buckets, kNone if unused
    std::vector<Bucket> m_buckets;         // the first m_used are in use
    std::size_t m_used = 0;
    std::vector<std::uint32_t> m_queued; // min-heap of the ranks of non-empty buckets
};

// Ranks of merged pairs by the ranks of their two tokens: a pair's bytes are the same wherever
// it occurs, so a long piece looks each distinct pair up in the RankTable once.
class PairCache {
public:
    void reset(std::size_t pieceSize)
    {
        std::size_t capacity = 64;
        while (capacity < 2 * std::min(pieceSize, kMaxEntries))
            capacity <<= 1;
        m_keys.assign(capacity, kEmpty);
        m_values.resize(capacity);
        m_size = 0;
        m_shift = 64 - std::countr_zero(capacity);
    }

    template <typename Lookup> std::uint32_t get(std::uint32_t left, std::uint32_t right, Lookup&& lookup)
    {
        const auto key = std::uint64_t(left) << 32 | right;
        const auto mask = m_keys.size() - 1;
        auto slot = static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ull) >> m_shift);
        for (; m_keys[slot] != kEmpty; slot = (slot + 1) & mask)
            if (m_keys[slot] == key)
                return m_values[slot];
        const std::uint32_t rank = lookup();
        if (2 * (m_size + 1) <= m_keys.size()) { // full: stop caching, keep answering
            m_keys[slot] = key;
            m_values[slot] = rank;
            ++m_size;
        }
        return rank;
    }

private:
    static constexpr std::size_t kMaxEntries = 1 << 15;
    static constexpr std::uint64_t kEmpty = ~std::uint64_t(0); // two kNone ranks: never a real key

    std::vector<std::uint64_t> m_keys;
    std::vector<std::uint32_t> m_values;
    std::size_t m_size = 0;
    int m_shift = 58;
};

} // namespace

void mergeQuadratic(const RankTable& ranks, std::string_view piece, std::vector<std::uint32_t>& out)
{
    // Part i starts at byte start and is token `token`; pairRank is the rank of it merged with
    // part i + 1. The last part is a sentinel at the end of the piece.
    struct Part {
        std::uint32_t start;
        std::uint32_t token;
        std::uint32_t pairRank;
    };
    const auto n = static_cast<std::uint32_t>(piece.size());
    thread_local std::vector<Part> parts; // reused: most pieces are short and this runs per piece
    parts.clear();
    for (std::uint32_t i = 0; i < n; ++i)
        parts.push_back(
            {i, rankOf(ranks, piece, i, i + 1), i + 1 < n ? rankOf(ranks, piece, i, i + 2) : kNone});
    parts.push_back({n, kNone, kNone});
    const auto pairRankAt = [&](std::size_t i) {
        return i + 2 < parts.size() ? rankOf(ranks, piece, parts[i].start, parts[i + 2].start) : kNone;
    };
    for (;;) {
        std::uint32_t best = kNone;
        std::size_t at = 0;
        for (std::size_t i = 0; i + 1 < parts.size(); ++i)
            if (parts[i].pairRank < best) {
                best = parts[i].pairRank;
                at = i;
            }
        if (best == kNone)
            break;
        parts[at].token = best;
        parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(at) + 1);
        parts[at].pairRank = pairRankAt(at);
        if (at > 0)
            parts[at - 1].pairRank = pairRankAt(at - 1);
    }
    for (std::size_t i = 0; i + 1 < parts.size(); ++i)
        out.push_back(parts[i].token);
}

void mergeLong(const RankTable& ranks, std::string_view piece, std::vector<std::uint32_t>& out)
{
    // Parts are keyed by their start byte: next[i] is the start of the following part, token[i]
    // its rank, pairRank[i] the rank of it merged with the following part (kNone: none, or dead).
    const auto n = static_cast<std::uint32_t>(piece.size());
    std::vector<std::uint32_t> next(n + 1), prev(n + 1), token(n), pairRank(n, kNone);
    thread_local RankBuckets queue; // per thread, so allocations are reused across pieces
    thread_local PairCache pairs;
    queue.reset(ranks.size());
    pairs.reset(n);
    const auto refresh = [&](std::uint32_t i) {
        const auto end = next[i];
        if (end >= n)
            return;
        pairRank[i] = pairs.get(token[i], token[end], [&] { return rankOf(ranks, piece, i, next[end]); });
        if (pairRank[i] != kNone)
            queue.push(pairRank[i], i);
    };
    for (std::uint32_t i = 0; i <= n; ++i) {
        next[i] = i + 1;
        prev[i] = i - 1; // wraps to kNone for the first part
    }
    for (std::uint32_t i = 0; i < n; ++i)
        token[i] = rankOf(ranks, piece, i, i + 1);
    for (std::uint32_t i = 0; i < n; ++i)
        refresh(i);
    std::uint32_t rank = 0;
    std::uint32_t left = 0;
    while (queue.pop(rank, left)) {
        if (pairRank[left] != rank)
            continue; // stale: the part was absorbed, or its pair grew
        const auto right = next[left];
        pairRank[right] = kNone;
        next[left] = next[right];
        if (next[left] < n)
            prev[next[left]] = left;
        token[left] = rank;
        pairRank[left] = kNone;
        refresh(left);
        if (prev[left] != kNone)
            refresh(prev[left]);
    }
    for (std::uint32_t i = 0; i < n; i = next[i])
        out.push_back(token[i]);
}

void encodePiece(const RankTable& ranks, std::string_view piece, std::vector<std::uint32_t>& out)
{
    if (piece.empty())
        return;
    if (const auto whole = ranks.rank(piece)) {
        out.push_back(*whole);
        return;
    }
    if (piece.size() < kLongPiece)
        mergeQuadratic(ranks, piece, out);
    else
        mergeLong(ranks, piece, out);
}

} // namespace ts::bpe
