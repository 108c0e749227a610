#include "guard/decoded_payloads.h"

#include "guard/utf8_cursor.h"

#include <array>

namespace ts::guard {

namespace {

constexpr int kNotBase64 = -1;

constexpr std::array<int, 256> makeAlphabet()
{
    std::array<int, 256> values{};
    values.fill(kNotBase64);
    for (int i = 0; i < 26; ++i) {
        values[static_cast<std::size_t>('A' + i)] = i;
        values[static_cast<std::size_t>('a' + i)] = 26 + i;
    }
    for (int i = 0; i < 10; ++i)
        values[static_cast<std::size_t>('0' + i)] = 52 + i;
    values['+'] = values['-'] = 62;
    values['/'] = values['_'] = 63;
    return values;
}

constexpr std::array<int, 256> kAlphabet = makeAlphabet();

int sextet(char c)
{
    return kAlphabet[static_cast<unsigned char>(c)];
}

// Decoded bytes read as text when nearly all are printable, tabs and newlines, or valid UTF-8.
bool looksLikeText(std::string_view bytes)
{
    std::size_t good = 0, pos = 0;
    while (pos < bytes.size()) {
        const CodePoint c = readCodePoint(bytes, pos);
        const bool control = c.value < 0x20 && c.value != '\n' && c.value != '\r' && c.value != '\t';
        if (c.value != kInvalid && !control && c.value != 0x7F)
            good += c.length;
        pos += c.length;
    }
    return !bytes.empty() && good * 100 >= bytes.size() * 95;
}

// Decodes [start, end) skipping line breaks; stops at padding.
std::string decode(std::string_view text, std::size_t start, std::size_t end)
{
    std::string out;
    out.reserve((end - start) * 3 / 4);
    unsigned buffer = 0;
    int bits = 0;
    for (std::size_t i = start; i < end; ++i) {
        const int v = sextet(text[i]);
        if (v == kNotBase64)
            continue;
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

bool lineBreak(char c)
{
    return c == '\n' || c == '\r';
}

// A run goes on across a single line break when the next line is base64 too (MIME wraps at 76).
std::size_t runEnd(std::string_view text, std::size_t pos, std::size_t& letters)
{
    for (;;) {
        while (pos < text.size() && sextet(text[pos]) != kNotBase64)
            ++pos, ++letters;
        std::size_t next = pos;
        while (next < text.size() && next < pos + 2 && lineBreak(text[next]))
            ++next;
        if (next == pos || next >= text.size() || sextet(text[next]) == kNotBase64)
            break;
        pos = next;
    }
    while (pos < text.size() && text[pos] == '=')
        ++pos;
    return pos;
}

} // namespace

std::vector<DecodedPayload> base64Payloads(std::string_view text)
{
    std::vector<DecodedPayload> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (sextet(text[pos]) == kNotBase64) {
            ++pos;
            continue;
        }
        std::size_t letters = 0;
        const std::size_t end = runEnd(text, pos, letters);
        if (letters >= kMinBase64Run) {
            std::string decoded = decode(text, pos, end);
            if (looksLikeText(decoded))
                out.push_back({pos, end, std::move(decoded)});
        }
        pos = end;
    }
    return out;
}

std::string rot13(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>('a' + (c - 'a' + 13) % 26);
        else if (c >= 'A' && c <= 'Z')
            c = static_cast<char>('A' + (c - 'A' + 13) % 26);
    }
    return out;
}

} // namespace ts::guard
