#include "model/utf8.h"

namespace ts {

namespace {

// What a lead byte may be followed by: overlong forms and surrogates fail at the second byte.
struct Utf8Lead
{
    int length; // 0: not a lead byte
    unsigned char secondLow, secondHigh;
};

Utf8Lead leadOf(unsigned char b)
{
    if (b < 0x80)
        return {1, 0, 0};
    if (b >= 0xC2 && b <= 0xDF)
        return {2, 0x80, 0xBF};
    if (b == 0xE0)
        return {3, 0xA0, 0xBF};
    if (b == 0xED)
        return {3, 0x80, 0x9F};
    if (b >= 0xE1 && b <= 0xEF)
        return {3, 0x80, 0xBF};
    if (b == 0xF0)
        return {4, 0x90, 0xBF};
    if (b == 0xF4)
        return {4, 0x80, 0x8F};
    if (b >= 0xF1 && b <= 0xF3)
        return {4, 0x80, 0xBF};
    return {0, 0, 0};
}

} // namespace

int utf8SequenceAt(std::string_view text, std::size_t at)
{
    const Utf8Lead lead = leadOf(static_cast<unsigned char>(text[at]));
    if (lead.length == 0)
        return -1;
    for (int i = 1; i < lead.length; ++i) {
        if (at + static_cast<std::size_t>(i) >= text.size())
            return -static_cast<int>(text.size() - at);
        const auto b = static_cast<unsigned char>(text[at + static_cast<std::size_t>(i)]);
        const bool ok = i == 1 ? b >= lead.secondLow && b <= lead.secondHigh : b >= 0x80 && b <= 0xBF;
        if (!ok)
            return -i;
    }
    return lead.length;
}

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

} // namespace ts
