#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace ts::bench {

// Chat-like ordinary text: prose in English, German, French and Spanish, code snippets, logs and
// URLs, with personal data and secrets sprinkled at a realistic low rate (about one in 8 KB).
std::string ordinaryGuardText(std::size_t bytes, std::uint64_t seed);

// Input built to hurt a pattern scanner: long runs of key characters, digits, '@', dotted numbers,
// colons, repeated keywords and prefixes.
std::string pathologicalGuardText(std::size_t bytes, std::uint64_t seed);

} // namespace ts::bench
