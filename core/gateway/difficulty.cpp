#include "gateway/difficulty.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace ts {

namespace {

constexpr std::int64_t kLongPromptTokens = 1500;
constexpr size_t kLongConversation = 8;

// Words that ask for multi-step work; matched on the last user message, lower-cased.
constexpr std::array<std::string_view, 14> kReasoningWords{
    "step by step", "prove", "derive", "analyze", "analyse", "refactor", "debug", "architecture",
    "optimize", "optimise", "trade-off", "tradeoff", "compare and contrast", "write a function"};

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

void add(std::string& reasons, const std::string& why) { reasons += (reasons.empty() ? "" : ", ") + why; }

} // namespace

Difficulty classifyDifficulty(const ChatRequest& request, std::int64_t inputTokens)
{
    Difficulty d;
    if (inputTokens > kLongPromptTokens)
        add(d.reasons, std::to_string(inputTokens) + " input tokens");
    if (!request.tools.empty())
        add(d.reasons, std::to_string(request.tools.size()) + (request.tools.size() == 1 ? " tool" : " tools"));
    if (request.responseFormat.type == ResponseFormat::Type::JsonSchema)
        add(d.reasons, "a JSON schema");
    if (request.messages.size() > kLongConversation)
        add(d.reasons, std::to_string(request.messages.size()) + " messages");
    auto lastUser = std::find_if(request.messages.rbegin(), request.messages.rend(),
                                 [](const Message& m) { return m.role == Role::User; });
    if (lastUser != request.messages.rend()) {
        if (lastUser->content.find("```") != std::string::npos)
            add(d.reasons, "code");
        if (!lastUser->images.empty())
            add(d.reasons, "images");
        const std::string text = lower(lastUser->content);
        for (std::string_view w : kReasoningWords)
            if (text.find(w) != std::string::npos) {
                add(d.reasons, "asks to " + std::string(w));
                break;
            }
    }
    d.hard = !d.reasons.empty();
    return d;
}

} // namespace ts
