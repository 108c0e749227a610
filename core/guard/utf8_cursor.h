#pragma once
#include "model/utf8.h" // appendUtf8

#include <cstddef>
#include <string_view>

namespace ts::guard {

// One code point read from arbitrary bytes. A byte that does not start a well-formed UTF-8
// sequence reads as kInvalid with length 1, so walking any input always advances.
struct CodePoint
{
    char32_t value = 0;
    std::size_t length = 1;
};

inline constexpr char32_t kInvalid = 0xFFFFFFFF;

CodePoint readCodePoint(std::string_view text, std::size_t pos);

// Calls visit(value, start, end) for each code point of `text` in order, bytes [start, end).
template <typename Visit> void forEachCodePoint(std::string_view text, Visit&& visit)
{
    for (std::size_t pos = 0; pos < text.size();) {
        const CodePoint c = readCodePoint(text, pos);
        visit(c.value, pos, pos + c.length);
        pos += c.length;
    }
}

} // namespace ts::guard
