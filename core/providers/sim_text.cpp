#include "providers/sim_text.h"

#include "tokens/estimate.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <set>

namespace ts::sim {

namespace {

const std::string& lastUserText(const std::vector<Message>& messages)
{
    static const std::string empty;
    for (auto it = messages.rbegin(); it != messages.rend(); ++it)
        if (it->role == Role::User)
            return it->content;
    return empty;
}

// Distinctive words of the prompt (longer than four letters), to echo back in the reply.
std::vector<std::string> keywords(const std::string& text)
{
    static const std::set<std::string> stop{"about", "there", "which", "would", "could", "should",
                                            "their", "these", "those", "please", "write", "using"};
    std::vector<std::string> words;
    std::string cur;
    auto flush = [&] {
        if (cur.size() > 4 && !stop.count(cur) && std::find(words.begin(), words.end(), cur) == words.end())
            words.push_back(cur);
        cur.clear();
    };
    for (char c : text) {
        if (std::isalpha(static_cast<unsigned char>(c)))
            cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else
            flush();
    }
    flush();
    if (words.empty())
        words = {"request", "context", "answer"};
    return words;
}

bool looksLikeCode(const std::string& text)
{
    for (const char* marker : {"```", "def ", "function ", "class ", "#include", "return ", "=>", "();"})
        if (text.find(marker) != std::string::npos)
            return true;
    return false;
}

constexpr std::array kOpeners{"Here is a concise answer about", "In short, the key point on",
                              "Looking at the details of", "A good way to think about",
                              "Based on the context provided on"};
constexpr std::array kBodies{
    "The main trade-off is between latency and cost, so measure both before changing anything",
    "It helps to start from the simplest version that works and add structure only where needed",
    "The documents agree on the basics but differ on the edge cases, which are listed below",
    "Each step should be checked against the original requirement to avoid drifting from it",
    "The numbers suggest a clear pattern once the outliers are set aside",
    "A short summary first, then the supporting evidence, reads best for most audiences",
    "The safest option is to keep the existing behaviour and add the new path behind a flag",
    "Teams usually underestimate how much the surrounding context changes the result"};

std::string prose(const std::vector<std::string>& words, int tokens, std::mt19937_64& rng)
{
    std::string out;
    auto pick = [&](const auto& list) { return list[rng() % list.size()]; };
    out += std::string(pick(kOpeners)) + " " + words[rng() % words.size()] + ": ";
    while (estimateTokens(out) < tokens) {
        out += pick(kBodies);
        out += rng() % 3 == 0 ? " (" + words[rng() % words.size()] + ")." : ".";
        out += rng() % 4 == 0 ? "\n\n" : " ";
    }
    while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back())))
        out.pop_back();
    return out;
}

std::string code(const std::vector<std::string>& words, int tokens, std::mt19937_64& rng)
{
    std::string name = words[rng() % words.size()];
    std::string out = "def " + name + "(items):\n";
    int i = 0;
    while (estimateTokens(out) < tokens) {
        out += "    " + words[(rng() + static_cast<unsigned>(i)) % words.size()] + "_" + std::to_string(i)
               + " = [x for x in items if x." + words[rng() % words.size()] + "]\n";
        ++i;
    }
    out += "    return " + name + "_0\n";
    return out;
}

// Capitalised words after the first: the names and places a prompt mentions ("Lisbon").
std::vector<std::string> properNouns(const std::string& text)
{
    std::vector<std::string> out;
    std::string word;
    bool first = true;
    auto flush = [&] {
        if (!word.empty() && !first && std::isupper(static_cast<unsigned char>(word.front())))
            out.push_back(word);
        if (!word.empty())
            first = false;
        word.clear();
    };
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-')
            word += c;
        else
            flush();
    }
    flush();
    return out;
}

// A plausible value for one argument, true to its schema where it says enough: one of its enum
// values, a number in range, a boolean, else words from the prompt.
nlohmann::json argumentValue(const std::string& key, const nlohmann::json& schema, const std::string& prompt,
                             const std::vector<std::string>& words, std::mt19937_64& rng)
{
    if (schema.is_object()) {
        if (auto e = schema.find("enum"); e != schema.end() && e->is_array() && !e->empty())
            return (*e)[rng() % e->size()];
        const std::string type = schema.value("type", std::string());
        if (type == "integer" || type == "number") {
            const auto lo = static_cast<std::int64_t>(schema.value("minimum", 1.0));
            const auto hi = static_cast<std::int64_t>(schema.value("maximum", static_cast<double>(lo + 400)));
            return lo + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(std::max<std::int64_t>(1, hi - lo + 1)));
        }
        if (type == "boolean")
            return rng() % 2 == 0;
    }
    if (key.find("path") != std::string::npos || key.find("file") != std::string::npos)
        return "src/" + words[rng() % words.size()] + ".py";
    if (key.find("line") != std::string::npos)
        return std::to_string(1 + rng() % 400);
    if (const auto names = properNouns(prompt); !names.empty())
        return names[rng() % names.size()];
    return words[rng() % words.size()];
}

} // namespace

std::string replyText(const std::vector<Message>& messages, int tokens, std::mt19937_64& rng)
{
    const std::string& prompt = lastUserText(messages);
    const auto words = keywords(prompt);
    return looksLikeCode(prompt) ? code(words, tokens, rng) : prose(words, tokens, rng);
}

std::string refusalText() { return "I'm sorry, but I can't help with that request."; }

ToolCall toolCall(const std::vector<ToolDefinition>& tools, const std::vector<Message>& messages,
                  std::mt19937_64& rng)
{
    const ToolDefinition& tool = tools[rng() % tools.size()];
    const std::string& prompt = lastUserText(messages);
    const auto words = keywords(prompt);
    nlohmann::json args = nlohmann::json::object();
    auto schema = nlohmann::json::parse(tool.parametersJson, nullptr, false);
    if (schema.is_object() && schema.contains("properties") && schema["properties"].is_object())
        for (const auto& [key, property] : schema["properties"].items())
            args[key] = argumentValue(key, property, prompt, words, rng);
    char id[32];
    std::snprintf(id, sizeof id, "call_%016llx", static_cast<unsigned long long>(rng()));
    return ToolCall{id, tool.name, args.dump()};
}

} // namespace ts::sim
