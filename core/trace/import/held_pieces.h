#pragma once
#include "model/trace.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ts::import {

// Adds a later piece of a trace to an earlier one the way the importer merges pieces: spans by
// span id, a later piece filling only what the earlier left empty (name, parent, times, status,
// attributes not yet set), events appended, messages taken from the first piece that has them.
void mergePiece(Trace& into, Trace&& later);

// Trace pieces a mapper holds back for a join (an OpenAI Batch request waiting for its result, the
// calls of one LiteLLM trace), keyed and kept oldest first within a byte budget. The budget counts
// the record text each piece was read from, a fair stand-in for what the piece holds; over it the
// oldest pieces go out unjoined, and the importer merges a late partner into the stored trace.
class HeldPieces
{
  public:
    using Released = std::vector<std::pair<std::string, Trace>>; // key and piece, oldest first

    explicit HeldPieces(std::size_t budgetBytes) : budget_(budgetBytes) {}

    Trace* find(const std::string& key);
    // Holds a new piece, or merges it into the one already held under key (which keeps its age).
    void hold(const std::string& key, Trace piece, std::size_t bytes);
    std::optional<Trace> take(const std::string& key);
    // The oldest pieces, until what stays fits the budget.
    Released overBudget();
    Released all();
    bool empty() const { return entries_.empty(); }

  private:
    struct Entry
    {
        Trace piece;
        std::size_t bytes = 0;
        std::uint64_t age = 0;
    };
    Released releaseWhile(bool (*more)(const HeldPieces&));

    std::unordered_map<std::string, Entry> entries_;
    std::map<std::uint64_t, std::string> byAge_;
    std::size_t bytes_ = 0;
    std::size_t budget_;
    std::uint64_t nextAge_ = 0;
};

} // namespace ts::import
