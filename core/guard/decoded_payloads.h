#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ts::guard {

// A run of base64 (standard or URL-safe, padded or not, lines broken or not) that decodes to
// text. Runs that decode to binary, such as images, are left out: only text can instruct a model.
struct DecodedPayload
{
    std::size_t start = 0; // the encoded run in the original
    std::size_t end = 0;
    std::string text;
};

inline constexpr std::size_t kMinBase64Run = 24;

std::vector<DecodedPayload> base64Payloads(std::string_view text);

// rot13 of ASCII letters; anything else unchanged.
std::string rot13(std::string_view text);

} // namespace ts::guard
