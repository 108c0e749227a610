#pragma once
#include "model/message.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ts {

// A token count and how it was obtained. Exact counts come from the model's own tokenizer
// (OpenAI families) or from the provider (Anthropic count_tokens); everything else is an
// estimate, and says which method it used.
struct TokenCount
{
    std::int64_t tokens = 0;
    bool exact = false;
    std::string method; // "o200k_base", "cl100k_base x 1.10 (Claude's tokenizer is not public)", ...
    // Chat counts: the part that is message framing and tool definitions, included in tokens.
    std::int64_t overheadTokens = 0;
    bool toolsEstimated = false; // tool definitions are serialised by OpenAI in an undocumented form
};

// Counts for one model. OpenAI models are exact on text and on the chat format's per-message
// framing (<|start|>role<|message|>content<|end|>: 3 tokens a message, 1 more for a name, 3 to
// prime the reply); tool definitions follow the documented estimate. Other families estimate.
class ModelTokenCounter
{
public:
    // tokenizer as in ModelInfo::tokenizer; an empty or unknown one counts with the generic estimate.
    explicit ModelTokenCounter(std::string tokenizer);
    static ModelTokenCounter forModel(std::string_view modelId); // via the current catalog

    TokenCount countText(std::string_view text) const;
    TokenCount countChat(const std::vector<Message>& messages, const std::vector<ToolDefinition>& tools = {}) const;
    const std::string& tokenizer() const { return tokenizer_; }
    bool exact() const;

private:
    std::string tokenizer_;
};

} // namespace ts
