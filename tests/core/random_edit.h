#pragma once
#include <random>
#include <string>
#include <string_view>

namespace ts::test {

// One random single-byte edit of `text`: a byte erased, or one of `alphabet` inserted or written over
// another. How the JSON reader tests make near-miss inputs; it draws from `rng` in a fixed order, so
// a seed names the same inputs every run.
inline void editOnce(std::string& text, std::string_view alphabet, std::mt19937& rng)
{
    const std::size_t at = rng() % text.size();
    switch (rng() % 3) {
    case 0: text.erase(at, 1); break;
    case 1: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
    default: text[at] = alphabet[rng() % alphabet.size()]; break;
    }
}

} // namespace ts::test
