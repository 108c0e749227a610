#pragma once
#include <span>
#include <string_view>

namespace ts::guard {

// One phrase or token the injection detector looks for, with what it means.
struct InjectionPhrase
{
    enum class On {
        Words,   // folded text (see text_fold.h), whole words: written as "ignore~ previous"
        Chars,   // folded text, no word edges: Chinese, Japanese, Korean
        Raw,     // the original bytes, case-insensitive: delimiters and punctuation
        RawCase, // the original bytes, case-sensitive: "DAN:"
    };
    std::string_view type; // "instruction_override", "role_play", "spoofed_delimiter"
    double weight;
    On on;
    std::string_view regex; // in Words patterns "~" stands for up to three more words
    std::string_view evidence;
};

std::span<const InjectionPhrase> injectionPhrases();

} // namespace ts::guard
