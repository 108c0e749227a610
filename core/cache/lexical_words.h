#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ts::cache {

// The words the lexical embedder looks at: lower-cased ASCII letters and digits, with every byte of a
// multi-byte UTF-8 character kept as part of a word (so non-Latin text is never split mid-character);
// anything else separates words. Common English function words and contraction tails ("the", "of",
// "'s") are left out, since they say little about what is asked; when nothing else remains, all the
// words are kept so that a prompt made only of such words still has a vector.
std::vector<std::string> lexicalWords(std::string_view text);

} // namespace ts::cache
