#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ts::guard {

// Text as the injection phrase scan reads it: lower case, accents dropped from Latin letters,
// full-width and mathematical letters made plain, invisible characters removed (so "ig\u200Bnore"
// is "ignore"), every run of spaces, punctuation and symbols one space, and a space at both ends.
// Letters of other scripts (Cyrillic, CJK, ...) stay as UTF-8. Always valid UTF-8.
struct FoldedText
{
    struct Range
    {
        std::size_t start = 0; // byte offsets into `text`
        std::size_t end = 0;
    };

    std::string text;
    std::vector<std::size_t> from; // per byte of text: where its source character starts
    std::vector<std::size_t> to;   // ... and ends, in the original
    // Words that mixed Latin with Cyrillic or Greek look-alikes; `text` holds them in Latin.
    std::vector<Range> mixedWords;

    // The original byte range behind text[start, end), spaces at its edges left out.
    std::pair<std::size_t, std::size_t> source(std::size_t start, std::size_t end) const;
};

FoldedText foldText(std::string_view text);

} // namespace ts::guard
