#include "model/json_writer.h"

#include "model/utf8.h"

#include <nlohmann/json.hpp>

#include <charconv>

namespace ts {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

void appendEscaped(std::string& out, unsigned char c)
{
    static constexpr char kHex[] = "0123456789abcdef";
    switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: break;
    }
    const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
    out.append(escape, sizeof escape);
}

bool isPlain(unsigned char b) { return b >= 0x20 && b < 0x80 && b != '"' && b != '\\'; }

} // namespace

void appendJsonLiteral(std::string& out, std::string_view text)
{
    out.reserve(out.size() + text.size() + 2);
    out += '"';
    std::size_t plain = 0; // start of the run of bytes copied as they are
    for (std::size_t at = 0; at < text.size();) {
        const auto b = static_cast<unsigned char>(text[at]);
        if (isPlain(b)) {
            ++at;
            continue;
        }
        if (b < 0x80) {
            out.append(text.substr(plain, at - plain));
            appendEscaped(out, b);
            plain = ++at;
            continue;
        }
        const int length = utf8SequenceAt(text, at);
        if (length > 0) {
            at += static_cast<std::size_t>(length);
            continue;
        }
        out.append(text.substr(plain, at - plain));
        out += kReplacement;
        plain = at += static_cast<std::size_t>(-length);
    }
    out.append(text.substr(plain));
    out += '"';
}

JsonWriter& JsonWriter::key(std::string_view name)
{
    separate();
    appendJsonLiteral(out_, name);
    out_ += ':';
    needComma_ = false;
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view text)
{
    separate();
    appendJsonLiteral(out_, text);
    needComma_ = true;
    return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t value)
{
    separate();
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, result.ptr);
    needComma_ = true;
    return *this;
}

// nlohmann's own formatting (Grisu2, a ".0" on whole numbers), so a body reads as it did.
JsonWriter& JsonWriter::number(double value) { return raw(nlohmann::json(value).dump()); }

JsonWriter& JsonWriter::raw(std::string_view json)
{
    separate();
    out_ += json;
    needComma_ = true;
    return *this;
}

JsonWriter& JsonWriter::open(char bracket)
{
    separate();
    out_ += bracket;
    needComma_ = false;
    return *this;
}

JsonWriter& JsonWriter::close(char bracket)
{
    out_ += bracket;
    needComma_ = true;
    return *this;
}

void JsonWriter::separate()
{
    if (needComma_)
        out_ += ',';
}

} // namespace ts
