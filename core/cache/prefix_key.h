#pragma once
#include "model/message.h"

#include <string>
#include <vector>

namespace ts::cache {

// What a provider's prompt cache keys on, as far as a trace shows it: the system prompt, or the
// first message when there is none. Requests that share it share a cacheable prefix.
struct PrefixKey
{
    std::string hash;  // 16 hex digits of FNV-1a over the role and text; "" for no messages
    std::string label; // its first few words, for a table cell
};

PrefixKey prefixKeyOf(const std::vector<Message>& messages);

// The first `words` words of text on one line, with "…" when more followed.
std::string firstWords(const std::string& text, int words);

} // namespace ts::cache
