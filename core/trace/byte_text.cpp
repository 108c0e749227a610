#include "trace/byte_text.h"

#include <array>
#include <cstdint>

namespace ts::codec {

namespace {

// Length of the UTF-8 sequence led by byte b, 0 when b cannot lead one.
size_t sequenceLength(unsigned char b)
{
    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF)
        return 2;
    if (b >= 0xE0 && b <= 0xEF)
        return 3;
    if (b >= 0xF0 && b <= 0xF4)
        return 4;
    return 0;
}

std::uint32_t decodeSequence(std::string_view s, size_t at, size_t length)
{
    std::uint32_t cp = static_cast<unsigned char>(s[at]) & (0x7F >> length);
    for (size_t i = 1; i < length; ++i)
        cp = (cp << 6) | (static_cast<unsigned char>(s[at + i]) & 0x3F);
    return cp;
}

bool validSequence(std::string_view s, size_t at, size_t length)
{
    if (length == 0 || at + length > s.size())
        return false;
    for (size_t i = 1; i < length; ++i)
        if ((static_cast<unsigned char>(s[at + i]) & 0xC0) != 0x80)
            return false;
    static constexpr std::array<std::uint32_t, 5> kMinimum{0, 0, 0x80, 0x800, 0x10000};
    const std::uint32_t cp = length == 1 ? 0 : decodeSequence(s, at, length);
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    return length == 1 || (cp >= kMinimum[length] && cp <= 0x10FFFF && !surrogate);
}

} // namespace

size_t utf8SequenceLength(std::string_view bytes, size_t at)
{
    const size_t length = sequenceLength(static_cast<unsigned char>(bytes[at]));
    return validSequence(bytes, at, length) ? length : 0;
}

bool isValidUtf8(std::string_view bytes)
{
    for (size_t at = 0; at < bytes.size();) {
        const size_t length = utf8SequenceLength(bytes, at);
        if (length == 0)
            return false;
        at += length;
    }
    return true;
}

} // namespace ts::codec
