#include "guard/json_locate.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace ts::guard {

namespace {

std::vector<std::string> pointerTokens(const std::string& pointer)
{
    std::vector<std::string> tokens;
    std::size_t pos = 0;
    while (pos < pointer.size() && pointer[pos] == '/') {
        const std::size_t next = pointer.find('/', pos + 1);
        std::string token =
            pointer.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1);
        std::string unescaped;
        for (std::size_t i = 0; i < token.size(); ++i)
            if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1'))
                unescaped += token[++i] == '0' ? '~' : '/';
            else
                unescaped += token[i];
        tokens.push_back(std::move(unescaped));
        pos = next == std::string::npos ? pointer.size() : next;
    }
    return tokens;
}

class Cursor
{
  public:
    explicit Cursor(std::string_view text) : m_text(text) {}

    std::size_t pos() const { return m_pos; }
    bool at(char c)
    {
        skipSpace();
        return m_pos < m_text.size() && m_text[m_pos] == c;
    }
    void step() { ++m_pos; }
    bool done() const { return m_pos >= m_text.size(); }

    // One value of any kind: a string, a scalar, or a bracketed value skipped by counting depth.
    bool skipValue()
    {
        skipSpace();
        if (done())
            return false;
        if (m_text[m_pos] == '"')
            return skipString();
        if (m_text[m_pos] != '{' && m_text[m_pos] != '[') {
            while (!done() && std::string_view(",}] \t\r\n").find(m_text[m_pos]) == std::string_view::npos)
                ++m_pos;
            return true;
        }
        std::size_t depth = 0;
        do {
            const char c = m_text[m_pos];
            if (c == '"') {
                if (!skipString())
                    return false;
                continue;
            }
            depth += c == '{' || c == '[';
            depth -= c == '}' || c == ']';
            ++m_pos;
        } while (depth > 0 && !done());
        return depth == 0;
    }

    // Reads a key string; nullopt when malformed.
    std::optional<std::string> readString()
    {
        const std::size_t start = m_pos;
        if (!skipString())
            return std::nullopt;
        const auto key = nlohmann::json::parse(m_text.substr(start, m_pos - start), nullptr, false);
        return key.is_string() ? std::optional(key.get<std::string>()) : std::nullopt;
    }

    void skipSpace()
    {
        while (!done() && std::string_view(" \t\r\n").find(m_text[m_pos]) != std::string_view::npos)
            ++m_pos;
    }

  private:
    bool skipString()
    {
        ++m_pos;
        while (!done() && m_text[m_pos] != '"')
            m_pos += m_text[m_pos] == '\\' ? 2 : 1;
        if (done())
            return false;
        ++m_pos;
        return true;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

// Moves the cursor to the member `key` of the object it is at.
bool enterMember(Cursor& c, const std::string& key)
{
    c.step();
    while (c.at('"')) {
        const auto name = c.readString();
        if (!name || !c.at(':'))
            return false;
        c.step();
        if (*name == key) {
            c.skipSpace();
            return true;
        }
        if (!c.skipValue())
            return false;
        if (!c.at(','))
            return false;
        c.step();
    }
    return false;
}

bool enterElement(Cursor& c, const std::string& token)
{
    std::size_t index = 0;
    for (const char ch : token) {
        if (ch < '0' || ch > '9')
            return false;
        index = index * 10 + static_cast<std::size_t>(ch - '0');
    }
    c.step();
    for (std::size_t i = 0; i < index; ++i) {
        if (!c.skipValue() || !c.at(','))
            return false;
        c.step();
    }
    c.skipSpace();
    return !c.at(']');
}

} // namespace

std::optional<JsonSpan> locateJsonPointer(std::string_view json, const std::string& pointer)
{
    Cursor c(json);
    for (const std::string& token : pointerTokens(pointer)) {
        const bool entered = c.at('{') ? enterMember(c, token) : c.at('[') ? enterElement(c, token) : false;
        if (!entered)
            return std::nullopt;
    }
    c.skipSpace();
    const std::size_t start = c.pos();
    if (!c.skipValue())
        return std::nullopt;
    return JsonSpan{start, c.pos()};
}

} // namespace ts::guard
