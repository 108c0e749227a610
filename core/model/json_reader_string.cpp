#include "model/json_reader.h"

#include "model/hex.h"
#include "model/utf8.h"

// The string half of the reader: escapes, \u pairs and UTF-8 checks, as strict as nlohmann's lexer.
namespace ts {

bool JsonReader::hex4(char32_t& unit)
{
    if (at_ + 4 > text_.size())
        return false;
    unit = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexDigitValue(text_[at_++]);
        if (digit < 0)
            return false;
        unit = unit << 4 | static_cast<char32_t>(digit);
    }
    return true;
}

// The escape at at_ (its backslash), decoded onto `out`; a \u pair stands for one code point.
bool JsonReader::unescape(std::string& out)
{
    if (++at_ >= text_.size())
        return false;
    switch (text_[at_++]) {
    case '"': out += '"'; return true;
    case '\\': out += '\\'; return true;
    case '/': out += '/'; return true;
    case 'b': out += '\b'; return true;
    case 'f': out += '\f'; return true;
    case 'n': out += '\n'; return true;
    case 'r': out += '\r'; return true;
    case 't': out += '\t'; return true;
    case 'u': break;
    default: return false;
    }
    char32_t cp = 0;
    if (!hex4(cp) || (cp >= 0xDC00 && cp <= 0xDFFF))
        return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        char32_t low = 0;
        if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF)
            return false;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    appendUtf8(out, cp);
    return true;
}

// A string at at_: a view of the text itself when it has no escapes, else of `buffer`, decoded.
bool JsonReader::scanString(std::string_view& view, std::string& buffer)
{
    if (at_ >= text_.size() || text_[at_] != '"')
        return false;
    std::size_t plain = ++at_; // start of the run not yet copied to the buffer
    bool decoded = false;
    while (at_ < text_.size()) {
        const auto c = static_cast<unsigned char>(text_[at_]);
        if (c == '"') {
            if (decoded) {
                buffer.append(text_.substr(plain, at_ - plain));
                view = buffer;
            } else {
                view = text_.substr(plain, at_ - plain);
            }
            ++at_;
            return true;
        }
        if (c < 0x20)
            return false;
        if (c >= 0x80) {
            const int length = utf8SequenceAt(text_, at_);
            if (length <= 0)
                return false;
            at_ += static_cast<std::size_t>(length);
            continue;
        }
        if (c != '\\') {
            ++at_;
            continue;
        }
        if (!decoded)
            buffer.clear();
        decoded = true;
        buffer.append(text_.substr(plain, at_ - plain));
        if (!unescape(buffer))
            return false;
        plain = at_;
    }
    return false;
}

} // namespace ts
