#include "model/json_reader.h"

#include <charconv>

namespace ts {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

} // namespace

void JsonReader::skipSpace()
{
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t'))
        ++at_;
}

JsonReader::Type JsonReader::peek()
{
    skipSpace();
    if (at_ >= text_.size())
        return Type::End;
    const char c = text_[at_];
    if (c == '{')
        return Type::Object;
    if (c == '[')
        return Type::Array;
    if (c == '"')
        return Type::String;
    if (c == '-' || isDigit(c))
        return Type::Number;
    return c == 't' || c == 'f' || c == 'n' ? Type::Literal : Type::End;
}

bool JsonReader::literal(std::string_view word)
{
    if (text_.substr(at_, word.size()) != word)
        return false;
    at_ += word.size();
    return true;
}

bool JsonReader::null()
{
    skipSpace();
    return literal("null");
}

bool JsonReader::open(char bracket)
{
    skipSpace();
    if (at_ >= text_.size() || text_[at_] != bracket || depth_ == kMaxDepth)
        return false;
    ++at_;
    ++depth_;
    return true;
}

bool JsonReader::more(char close, bool& failed)
{
    skipSpace();
    failed = at_ >= text_.size() || (text_[at_] != ',' && text_[at_] != close);
    if (failed)
        return false;
    if (text_[at_++] == ',')
        return true;
    --depth_;
    return false;
}

bool JsonReader::string(std::string& out)
{
    skipSpace();
    std::string_view view;
    if (!scanString(view, out))
        return false;
    if (view.data() != out.data())
        out.assign(view);
    return true;
}

bool JsonReader::key(std::string_view& name, std::string& buffer)
{
    skipSpace();
    if (!scanString(name, buffer))
        return false;
    skipSpace();
    return at_ < text_.size() && text_[at_++] == ':';
}

bool JsonReader::numberText(std::string_view& literalText, bool& integral)
{
    const std::size_t start = at_;
    auto digits = [&] {
        const std::size_t from = at_;
        while (at_ < text_.size() && isDigit(text_[at_]))
            ++at_;
        return at_ > from;
    };
    if (at_ < text_.size() && text_[at_] == '-')
        ++at_;
    if (at_ < text_.size() && text_[at_] == '0')
        ++at_;
    else if (!digits())
        return false;
    integral = true;
    if (at_ < text_.size() && text_[at_] == '.') {
        ++at_;
        integral = false;
        if (!digits())
            return false;
    }
    if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
        ++at_;
        integral = false;
        if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-'))
            ++at_;
        if (!digits())
            return false;
    }
    literalText = text_.substr(start, at_ - start);
    return true;
}

bool JsonReader::integer(std::int64_t& out)
{
    skipSpace();
    std::string_view literalText;
    bool integral = false;
    if (!numberText(literalText, integral) || !integral)
        return false;
    const char* end = literalText.data() + literalText.size();
    const auto result = std::from_chars(literalText.data(), end, out);
    return result.ec == std::errc() && result.ptr == end;
}

bool JsonReader::number(double& out)
{
    skipSpace();
    std::string_view literalText;
    bool integral = false;
    if (!numberText(literalText, integral))
        return false;
    const char* end = literalText.data() + literalText.size();
    const auto result = std::from_chars(literalText.data(), end, out);
    return result.ec == std::errc() && result.ptr == end;
}

bool JsonReader::boolean(bool& out)
{
    skipSpace();
    if (literal("true"))
        return out = true;
    out = false;
    return literal("false");
}

bool JsonReader::skip()
{
    switch (peek()) {
    case Type::Object: return object([this](std::string_view) { return skip(); });
    case Type::Array: return array([this] { return skip(); });
    case Type::String: {
        std::string_view view;
        std::string buffer;
        return scanString(view, buffer);
    }
    case Type::Number: {
        std::string_view literalText;
        bool integral = false;
        return numberText(literalText, integral);
    }
    case Type::Literal: return literal("true") || literal("false") || literal("null");
    case Type::End: return false;
    }
    return false;
}

bool JsonReader::end()
{
    skipSpace();
    return at_ == text_.size();
}

} // namespace ts
