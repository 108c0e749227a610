#include "guard/homoglyphs.h"

#include <array>
#include <utility>

namespace ts::guard {

namespace {

// Lower-case forms only: text is folded to lower case before this is asked. Upper-case look-alikes
// (В, Н, М, Т, Κ, Ν, ...) fold to letters listed here too.
constexpr std::array<std::pair<char32_t, char>, 37> kLookalikes{{
    {U'а', 'a'}, {U'в', 'b'}, {U'е', 'e'}, {U'к', 'k'}, {U'м', 'm'}, {U'н', 'h'}, {U'о', 'o'}, {U'р', 'p'},
    {U'с', 'c'}, {U'т', 't'}, {U'у', 'y'}, {U'х', 'x'}, {U'і', 'i'}, {U'ј', 'j'}, {U'ѕ', 's'}, {U'ԁ', 'd'},
    {U'һ', 'h'}, {U'ԛ', 'q'}, {U'ԝ', 'w'}, {U'ѵ', 'v'}, {U'ї', 'i'}, {U'ɡ', 'g'}, {U'α', 'a'}, {U'β', 'b'},
    {U'ε', 'e'}, {U'η', 'n'}, {U'ι', 'i'}, {U'κ', 'k'}, {U'ν', 'v'}, {U'ο', 'o'}, {U'ρ', 'p'}, {U'τ', 't'},
    {U'υ', 'u'}, {U'χ', 'x'}, {U'ζ', 'z'}, {U'γ', 'y'}, {U'ω', 'w'},
}};

} // namespace

char latinLookalike(char32_t lower)
{
    for (const auto& [from, to] : kLookalikes)
        if (from == lower)
            return to;
    return 0;
}

bool isCyrillicOrGreek(char32_t cp)
{
    return (cp >= 0x0370 && cp <= 0x03FF) || (cp >= 0x0400 && cp <= 0x052F) || cp == 0x0261;
}

} // namespace ts::guard
