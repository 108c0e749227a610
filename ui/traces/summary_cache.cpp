#include "traces/summary_cache.h"

#include <algorithm>

namespace ts::ui::traces {

const RowData* SummaryCache::find(std::int64_t rowId)
{
    auto it = rows_.find(rowId);
    if (it == rows_.end())
        return nullptr;
    blocks_[it->second.block].lastUse = ++clock_;
    return it->second.row;
}

void SummaryCache::insert(std::shared_ptr<const RowBlock> block)
{
    if (!block || block->empty())
        return;
    const std::uint64_t id = nextBlock_++;
    for (const RowData& row : *block)
        rows_[row.summary.rowId] = Slot{&row, id};
    blocks_[id] = Block{std::move(block), ++clock_};
    while (blocks_.size() > maxBlocks_)
        evictOldest();
}

void SummaryCache::clear()
{
    rows_.clear();
    blocks_.clear();
}

std::int64_t SummaryCache::rowIdOfTrace(std::string_view traceId) const
{
    for (const auto& [rowId, slot] : rows_)
        if (slot.row->summary.traceId == traceId)
            return rowId;
    return 0;
}

void SummaryCache::evictOldest()
{
    auto oldest = std::min_element(blocks_.begin(), blocks_.end(), [](const auto& a, const auto& b) {
        return a.second.lastUse < b.second.lastUse;
    });
    for (const RowData& row : *oldest->second.rows) {
        auto it = rows_.find(row.summary.rowId);
        if (it != rows_.end() && it->second.block == oldest->first)
            rows_.erase(it); // a newer block may hold the same row: keep that one
    }
    blocks_.erase(oldest);
}

} // namespace ts::ui::traces
