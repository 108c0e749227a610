#include "trace/import/otlp_ids.h"

#include "model/hex.h"
#include "tokens/base64.h"

#include <algorithm>

namespace ts::import {

namespace {

std::string hexOfBytes(std::string_view bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out += kDigits[b >> 4];
        out += kDigits[b & 15];
    }
    return out;
}

bool allZero(std::string_view hex)
{
    return std::all_of(hex.begin(), hex.end(), [](char c) { return c == '0'; });
}

} // namespace

std::string otlpId(std::string_view text, std::size_t bytes)
{
    std::string out;
    if (text.size() == bytes * 2 &&
        std::all_of(text.begin(), text.end(), [](char c) { return hexDigitValue(c) >= 0; })) {
        out.resize(text.size());
        std::transform(text.begin(), text.end(), out.begin(),
                       [](char c) { return "0123456789abcdef"[hexDigitValue(c)]; });
    } else if (std::string decoded; appendBase64Decoded(text, decoded) && decoded.size() == bytes) {
        out = hexOfBytes(decoded);
    }
    return allZero(out) ? std::string() : out;
}

} // namespace ts::import
