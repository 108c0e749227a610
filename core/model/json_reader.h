#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ts {

// Reads JSON text front to back without building a DOM: the gateway reads an upstream reply on
// every request, and a DOM costs several times the reading itself. It accepts only strict JSON
// (RFC 8259, valid UTF-8, no byte order mark, nesting to kMaxDepth), a subset of what nlohmann
// accepts, and every call returns false on text it does not take; a caller then reads the text the
// full way, so a false never needs to say why. After a false the reader is not to be used again.
class JsonReader
{
public:
    enum class Type { Object, Array, String, Number, Literal, End };
    static constexpr int kMaxDepth = 128;

    explicit JsonReader(std::string_view text) : text_(text) {}

    Type peek(); // the next value's type, after any whitespace
    bool null(); // true when the next value is null, which it consumes
    bool string(std::string& out);
    bool integer(std::int64_t& out); // an integer literal (no fraction or exponent) that fits
    bool number(double& out);
    bool boolean(bool& out);
    bool skip(); // any one value
    bool end();  // nothing but whitespace is left

    // `member(std::string_view key)` reads the member's value (or skips it) and returns false to stop.
    template <class Member> bool object(Member&& member);
    // `element()` reads one element and returns false to stop.
    template <class Element> bool array(Element&& element);

private:
    bool open(char bracket);
    // After a member or an element: true when another follows, false at the closing bracket (consumed).
    bool more(char close, bool& failed);
    bool key(std::string_view& name, std::string& buffer);
    bool scanString(std::string_view& view, std::string& buffer);
    bool unescape(std::string& out);
    bool hex4(char32_t& unit);
    bool numberText(std::string_view& literal, bool& integral);
    bool literal(std::string_view word);
    void skipSpace();

    std::string_view text_;
    std::size_t at_ = 0;
    int depth_ = 0;
};

template <class Member> bool JsonReader::object(Member&& member)
{
    if (!open('{'))
        return false;
    skipSpace();
    if (at_ < text_.size() && text_[at_] == '}') {
        ++at_;
        --depth_;
        return true;
    }
    std::string buffer; // an escaped key's text; keys rarely have escapes
    for (bool failed = false;;) {
        std::string_view name;
        if (!key(name, buffer) || !member(name))
            return false;
        if (!more('}', failed))
            return !failed;
    }
}

template <class Element> bool JsonReader::array(Element&& element)
{
    if (!open('['))
        return false;
    skipSpace();
    if (at_ < text_.size() && text_[at_] == ']') {
        ++at_;
        --depth_;
        return true;
    }
    for (bool failed = false;;) {
        if (!element())
            return false;
        if (!more(']', failed))
            return !failed;
    }
}

} // namespace ts
