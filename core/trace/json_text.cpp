#include "trace/json_text.h"

#include "trace/byte_text.h"

#include <charconv>

namespace ts::codec::json_text {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

void appendEscaped(std::string& out, char c)
{
    static constexpr char kHex[] = "0123456789abcdef";
    switch (c) {
    case '"':
        out += "\\\"";
        return;
    case '\\':
        out += "\\\\";
        return;
    case '\n':
        out += "\\n";
        return;
    case '\r':
        out += "\\r";
        return;
    case '\t':
        out += "\\t";
        return;
    default:
        break;
    }
    if (static_cast<unsigned char>(c) < 0x20) {
        out += "\\u00";
        out += kHex[(c >> 4) & 0xF];
        out += kHex[c & 0xF];
        return;
    }
    out += c;
}

} // namespace

void appendString(std::string& out, std::string_view value)
{
    out += '"';
    size_t plain = 0; // start of the run of bytes copied as they are
    for (size_t at = 0; at < value.size();) {
        const auto b = static_cast<unsigned char>(value[at]);
        if (b >= 0x20 && b < 0x80 && b != '"' && b != '\\') {
            ++at;
            continue;
        }
        const size_t length = b < 0x80 ? 1 : utf8SequenceLength(value, at);
        if (length > 1) {
            at += length;
            continue;
        }
        out.append(value.substr(plain, at - plain));
        if (length == 0)
            out += kReplacement;
        else
            appendEscaped(out, value[at]);
        plain = ++at;
    }
    out.append(value.substr(plain));
    out += '"';
}

void appendInt(std::string& out, std::int64_t value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

void appendDouble(std::string& out, double value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    const std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
    out += text;
    if (text.find_first_of(".e") == std::string_view::npos)
        out += ".0";
}

} // namespace ts::codec::json_text
