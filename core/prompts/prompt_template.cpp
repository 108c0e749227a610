#include "prompts/prompt_template.h"

#include <algorithm>

namespace ts::prompts {

namespace {

constexpr std::string_view kOpen = "{{";
constexpr std::string_view kClose = "}}";
constexpr std::string_view kEscapedOpen = "\\{{";
constexpr std::size_t kQuotedMax = 40;

bool isLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && isBlank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back()))
        s.remove_suffix(1);
    return s;
}

// At most kQuotedMax bytes, never cutting a UTF-8 sequence in two.
std::string quoted(std::string_view s)
{
    if (s.size() <= kQuotedMax)
        return std::string(s);
    std::size_t n = kQuotedMax;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
        --n;
    return std::string(s.substr(0, n)) + "…";
}

void pushUnique(std::vector<std::string>& names, const std::string& name)
{
    if (std::find(names.begin(), names.end(), name) == names.end())
        names.push_back(name);
}

class Parser
{
  public:
    explicit Parser(std::string_view text) : text_(text) {}

    ParsedTemplate run()
    {
        while (at_ < text_.size())
            step();
        flushText(text_.size());
        return std::move(out_);
    }

  private:
    void step()
    {
        const std::string_view rest = text_.substr(at_);
        if (rest.starts_with(kEscapedOpen))
            return literal(kOpen, kEscapedOpen.size());
        if (!rest.starts_with(kOpen))
            return literal(rest.substr(0, 1), 1);
        // "{{{x}}}" reads as "{" + {{x}} + "}": extra opening braces are text.
        if (rest.size() > 2 && rest[2] == '{')
            return literal(rest.substr(0, 1), 1);
        placeholder();
    }

    void placeholder()
    {
        const std::size_t close = text_.find(kClose, at_ + 2);
        const std::size_t nextOpen = text_.find(kOpen, at_ + 2);
        if (close == std::string_view::npos || nextOpen < close) {
            warn("\"{{\" is never closed; it stays as text");
            return literal(kOpen, 2);
        }
        const std::string_view inside = text_.substr(at_ + 2, close - at_ - 2);
        const std::string_view name = trimmed(inside);
        if (!isVariableName(name)) {
            warn("\"{{" + quoted(inside) + "}}\" is not a variable (a name starts with a letter or _ and "
                 "has only letters, digits, _ . -); it stays as text");
            return literal(kOpen, 2);
        }
        flushText(at_);
        out_.pieces.push_back({TemplatePiece::Kind::Variable, std::string(name), at_, close + 2});
        pushUnique(out_.variables, std::string(name));
        at_ = close + 2;
        textBegin_ = at_;
    }

    void literal(std::string_view text, std::size_t consumed)
    {
        pending_ += text;
        at_ += consumed;
    }

    void warn(std::string message) { out_.warnings.push_back({at_, std::move(message)}); }

    void flushText(std::size_t end)
    {
        if (!pending_.empty())
            out_.pieces.push_back({TemplatePiece::Kind::Text, std::move(pending_), textBegin_, end});
        pending_.clear();
        textBegin_ = end;
    }

    std::string_view text_;
    std::size_t at_ = 0;
    std::size_t textBegin_ = 0;
    std::string pending_;
    ParsedTemplate out_;
};

} // namespace

bool isVariableName(std::string_view name)
{
    if (name.empty() || !isLetter(name.front()))
        return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return isLetter(c) || isDigit(c) || c == '.' || c == '-'; });
}

ParsedTemplate parseTemplate(std::string_view text)
{
    return Parser(text).run();
}

RenderedTemplate render(const ParsedTemplate& parsed, const VariableValues& values)
{
    RenderedTemplate out;
    for (const TemplatePiece& piece : parsed.pieces) {
        if (piece.kind == TemplatePiece::Kind::Text) {
            out.text += piece.text;
            continue;
        }
        const std::size_t begin = out.text.size();
        const auto value = values.find(piece.text);
        const bool filled = value != values.end();
        out.text += filled ? value->second : std::string(kOpen) + piece.text + std::string(kClose);
        out.variables.push_back({piece.text, begin, out.text.size(), filled});
        if (!filled)
            pushUnique(out.missing, piece.text);
    }
    return out;
}

RenderedTemplate render(std::string_view text, const VariableValues& values)
{
    return render(parseTemplate(text), values);
}

} // namespace ts::prompts
