#pragma once
#include "model/message.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace ts {

// A fast token estimate (words and punctuation, about four characters a token) used until the
// exact encoders of issue #3 land; results are labelled estimates wherever they are shown.
std::int64_t estimateTokens(std::string_view text);
// Chat-format estimate: content plus a few tokens of framing per message.
std::int64_t estimatePromptTokens(const std::vector<Message>& messages);

// Splits text into token-sized pieces (what a stream would deliver one by one).
std::vector<std::string_view> splitIntoTokenPieces(std::string_view text);

} // namespace ts
