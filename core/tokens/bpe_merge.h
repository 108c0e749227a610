#pragma once
#include "tokens/rank_table.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace ts::bpe {

// Byte-pair merge of one pre-split piece, appending ranks to out. Both variants merge the
// lowest-ranked adjacent pair first, leftmost on ties, exactly as tiktoken's byte_pair_merge.
// Every single byte has a rank in the OpenAI encodings, so every piece encodes.
void mergeQuadratic(const RankTable& ranks, std::string_view piece, std::vector<std::uint32_t>& out);
// O(n log n) worst case, about linear on long runs: a linked list of parts and a queue of pairs
// bucketed by rank.
void mergeLong(const RankTable& ranks, std::string_view piece, std::vector<std::uint32_t>& out);
// Whole-token shortcut, then the quadratic variant for short pieces and mergeLong for long ones.
void encodePiece(const RankTable& ranks, std::string_view piece, std::vector<std::uint32_t>& out);

} // namespace ts::bpe
