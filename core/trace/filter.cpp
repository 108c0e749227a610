#include "trace/filter.h"

#include "trace/filter_time.h"
#include "trace/filter_tokens.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace ts {

namespace {

constexpr std::array<std::string_view, 9> kTermKeys{"model", "provider", "route", "status",   "source",
                                                    "user",  "session",  "tag",   "simulated"};
constexpr std::array<std::string_view, 2> kTimeKeys{"since", "until"};
constexpr std::array<std::string_view, 4> kCompareKeys{"cost", "tokens", "ttft", "duration"};
constexpr std::array<std::string_view, 5> kOps{">=", "<=", ">", "<", "="}; // longest first

template <size_t N> bool contains(const std::array<std::string_view, N>& keys, std::string_view key)
{
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::string knownKeys()
{
    std::string out;
    auto add = [&out](std::string_view key) { out += (out.empty() ? "" : ", ") + std::string(key); };
    std::for_each(kTermKeys.begin(), kTermKeys.end(), add);
    std::for_each(kTimeKeys.begin(), kTimeKeys.end(), add);
    std::for_each(kCompareKeys.begin(), kCompareKeys.end(), add);
    return out;
}

bool isKeyChar(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

// A token split into an optional '-', a key and what follows the key (":value" or ">5").
struct KeyedToken
{
    bool negated = false;
    std::string key;
    std::string_view rest;
};

std::optional<KeyedToken> splitKey(std::string_view token)
{
    KeyedToken out;
    out.negated = token.size() > 1 && token.front() == '-';
    const size_t start = out.negated ? 1 : 0;
    size_t end = start;
    while (end < token.size() && isKeyChar(token[end]))
        ++end;
    if (end == start || end == token.size() ||
        std::string_view(":<>=").find(token[end]) == std::string_view::npos)
        return std::nullopt;
    out.key = std::string(token.substr(start, end - start));
    std::transform(out.key.begin(), out.key.end(), out.key.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    out.rest = token.substr(end);
    return out;
}

std::optional<std::string> normalizedValue(const std::string& key, const std::string& value)
{
    if (key == "simulated") {
        if (value == "yes" || value == "true" || value == "1")
            return "yes";
        if (value == "no" || value == "false" || value == "0")
            return "no";
        return std::nullopt;
    }
    if (key == "status" && value != "ok" && value != "error" && value != "cancelled")
        return std::nullopt;
    return value;
}

std::string valueHint(const std::string& key)
{
    return key == "simulated" ? "yes or no" : key == "status" ? "ok, error or cancelled" : "a value";
}

class Parser
{
  public:
    explicit Parser(Nanos now) : now_(now) {}

    std::string parse(std::string_view text)
    {
        const auto tokens = filter::splitTokens(text);
        if (!tokens)
            return "a quote is not closed in '" + std::string(text) + "'";
        std::vector<std::string> words;
        for (const std::string& token : *tokens) {
            if (auto keyed = splitKey(token)) {
                if (std::string error = keyedTerm(token, *keyed); !error.empty())
                    return error;
            } else if (token.size() > 1 && token.front() == '-') {
                return "'" + token + "': only key:value terms can be negated, as in -status:ok";
            } else {
                words.push_back(token);
            }
        }
        for (const std::string& word : words)
            filter_.text += (filter_.text.empty() ? "" : " ") + word;
        return {};
    }

    TraceFilter filter() const { return filter_; }

  private:
    std::string keyedTerm(const std::string& token, const KeyedToken& keyed)
    {
        const bool colon = keyed.rest.front() == ':';
        if (contains(kTermKeys, keyed.key) || contains(kTimeKeys, keyed.key)) {
            if (!colon)
                return "'" + keyed.key + "' takes a value after ':', as in " + keyed.key + ":" +
                       (keyed.key == "since" ? "7d" : "x");
            return contains(kTimeKeys, keyed.key) ? timeTerm(token, keyed) : valueTerm(token, keyed);
        }
        if (contains(kCompareKeys, keyed.key)) {
            if (colon)
                return "'" + keyed.key + "' compares with >, >=, <, <= or =, as in " + keyed.key + ">10";
            return compareTerm(token, keyed);
        }
        return "unknown filter key '" + keyed.key + "' (known: " + knownKeys() + ")";
    }

    std::string valueTerm(const std::string& token, const KeyedToken& keyed)
    {
        const std::string value = filter::unquote(keyed.rest.substr(1));
        if (value.empty())
            return "'" + token + "' needs a value after ':'";
        const auto normalized = normalizedValue(keyed.key, value);
        if (!normalized)
            return "'" + token + "': " + keyed.key + " is " + valueHint(keyed.key);
        filter_.terms.push_back({keyed.key, *normalized, keyed.negated});
        return {};
    }

    std::string timeTerm(const std::string& token, const KeyedToken& keyed)
    {
        if (keyed.negated)
            return "'" + token + "' cannot be negated; use " + (keyed.key == "since" ? "until:" : "since:");
        const auto bound =
            filter::parseTimeBound(filter::unquote(keyed.rest.substr(1)), now_, keyed.key == "until");
        if (!bound)
            return "'" + token +
                   "': not a time (use 2026-11-01, 2026-11-01T12:00 or an age: 30m, 24h, 7d, 2w)";
        (keyed.key == "since" ? filter_.since : filter_.until) = *bound;
        return {};
    }

    std::string compareTerm(const std::string& token, const KeyedToken& keyed)
    {
        if (keyed.negated)
            return "'" + token + "' cannot be negated; reverse the comparison instead";
        const auto op = std::find_if(kOps.begin(), kOps.end(),
                                     [&](std::string_view o) { return keyed.rest.starts_with(o); });
        std::string_view number = keyed.rest.substr(op->size());
        if (keyed.key == "cost" && number.starts_with('$'))
            number.remove_prefix(1);
        double value = 0;
        const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
        if (number.empty() || ec != std::errc() || end != number.data() + number.size())
            return "'" + token + "': not a number after '" + std::string(*op) + "'";
        filter_.compares.push_back({keyed.key, std::string(*op), value});
        return {};
    }

    Nanos now_;
    TraceFilter filter_;
};

} // namespace

FilterParse parseFilter(const std::string& text)
{
    return parseFilter(text, wallNowNs());
}

FilterParse parseFilter(const std::string& text, Nanos now)
{
    Parser parser(now);
    FilterParse out;
    out.error = parser.parse(text);
    if (out.ok())
        out.filter = parser.filter();
    return out;
}

} // namespace ts
