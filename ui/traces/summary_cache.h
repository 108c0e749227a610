#pragma once
#include "traces/trace_columns.h"

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ts::ui::traces {

using RowBlock = std::vector<RowData>;

// The rows the table has fetched, by store row id, in blocks (one block per fetched page) evicted
// least recently used first, so memory stays bounded however far the user scrolls. Keyed by row id
// rather than position, so rows inserted above do not invalidate what is cached. GUI thread only.
class SummaryCache
{
public:
    explicit SummaryCache(std::size_t maxBlocks = 64) : maxBlocks_(maxBlocks) {}

    const RowData* find(std::int64_t rowId); // marks its block as recently used
    void insert(std::shared_ptr<const RowBlock> block);
    void clear();
    std::int64_t rowIdOfTrace(std::string_view traceId) const; // 0 when not cached
    std::size_t rowCount() const { return rows_.size(); }
    std::size_t blockCount() const { return blocks_.size(); }

private:
    struct Slot
    {
        const RowData* row = nullptr;
        std::uint64_t block = 0;
    };
    struct Block
    {
        std::shared_ptr<const RowBlock> rows;
        std::uint64_t lastUse = 0;
    };

    void evictOldest();

    std::size_t maxBlocks_;
    std::unordered_map<std::int64_t, Slot> rows_;
    std::unordered_map<std::uint64_t, Block> blocks_;
    std::uint64_t nextBlock_ = 1;
    std::uint64_t clock_ = 0;
};

} // namespace ts::ui::traces
