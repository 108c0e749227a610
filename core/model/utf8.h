#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace ts {

// The UTF-8 sequence starting at `at` (Unicode Table 3-7: no overlong forms, no surrogates, nothing
// above U+10FFFF): its length when valid; otherwise minus the length of its invalid part (the
// maximal subpart, at least 1), which one U+FFFD stands for and after which reading resumes.
int utf8SequenceAt(std::string_view text, std::size_t at);

// Appends the UTF-8 bytes of `cp`, a Unicode scalar value (no surrogate, at most U+10FFFF).
void appendUtf8(std::string& out, char32_t cp);

} // namespace ts
