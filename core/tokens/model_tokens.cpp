#include "tokens/model_tokens.h"

#include "catalog/catalog.h"
#include "tokens/bpe_encoder.h"
#include "tokens/encoding_for_model.h"
#include "tokens/estimate.h"
#include "tokens/tool_tokens.h"
#include "tokens/tokenizer_error.h"

namespace ts {

namespace {

// What an estimate counts with, and how it says so.
struct Method
{
    std::string_view encoding; // the exact encoder used as the yardstick
    std::string_view label;
};

Method methodFor(std::string_view tokenizer)
{
    if (tokenizer == "o200k_base" || tokenizer == "cl100k_base")
        return {tokenizer, tokenizer};
    if (tokenizer == "estimate:claude")
        return {"cl100k_base", "estimate: cl100k_base count; Claude's tokenizer is not public (Anthropic's "
                               "count_tokens gives the exact figure)"};
    if (tokenizer == "estimate:gemini")
        return {"o200k_base", "estimate: o200k_base count; Gemini's SentencePiece tokenizer is not shipped "
                              "(the API's countTokens gives the exact figure)"};
    if (tokenizer == "estimate:llama")
        return {"cl100k_base", "estimate: cl100k_base count; Llama 3 extends this vocabulary with 28k tokens "
                               "(the server's own usage is exact)"};
    return {"o200k_base", "estimate: o200k_base count; this model's tokenizer is unknown"};
}

std::shared_ptr<const BpeEncoder> encoderFor(std::string_view encoding, std::string& whyNot)
{
    try {
        return BpeEncoder::load(encoding);
    } catch (const TokenizerError& e) {
        whyNot = e.what();
        return nullptr;
    }
}

} // namespace

ModelTokenCounter::ModelTokenCounter(std::string tokenizer) : tokenizer_(std::move(tokenizer)) {}

ModelTokenCounter ModelTokenCounter::forModel(std::string_view modelId)
{
    const auto catalog = Catalog::current(); // keeps the entry alive while it is read
    if (const ModelInfo* m = catalog->find(modelId); m && !m->tokenizer.empty())
        return ModelTokenCounter(m->tokenizer);
    if (auto encoding = encodingForModel(modelId))
        return ModelTokenCounter(std::string(*encoding));
    return ModelTokenCounter("estimate:generic");
}

bool ModelTokenCounter::exact() const { return tokenizer_ == "o200k_base" || tokenizer_ == "cl100k_base"; }

TokenCount ModelTokenCounter::countText(std::string_view text) const
{
    const Method method = methodFor(tokenizer_);
    std::string whyNot;
    TokenCount c;
    if (auto encoder = encoderFor(method.encoding, whyNot)) {
        c.tokens = static_cast<std::int64_t>(encoder->count(text));
        c.exact = exact();
        c.method = std::string(method.label);
    } else {
        c.tokens = estimateTokens(text);
        c.method = "estimate: about four characters a token (" + whyNot + ")";
    }
    return c;
}

// The chat format (OpenAI cookbook, "How to count tokens with tiktoken"): every message is
// <|start|>{role}<|message|>{content}<|end|>, 3 tokens of framing plus the role's own tokens; a
// name costs one more; the reply is primed with 3. Tool calls and tool definitions are serialised
// in a form OpenAI does not document, so their counts are marked as estimates.
TokenCount ModelTokenCounter::countChat(const std::vector<Message>& messages,
                                        const std::vector<ToolDefinition>& tools) const
{
    constexpr std::int64_t kPerMessage = 3;
    constexpr std::int64_t kPerName = 1;
    constexpr std::int64_t kReplyPriming = 3;
    TokenCount total;
    std::int64_t content = 0;
    bool anyExact = true;
    auto add = [&](std::string_view text) {
        TokenCount c = countText(text);
        anyExact = anyExact && c.exact;
        total.method = c.method;
        return c.tokens;
    };
    for (const Message& m : messages) {
        total.overheadTokens += kPerMessage + add(roleName(m.role));
        content += add(m.content);
        if (!m.name.empty())
            total.overheadTokens += kPerName + add(m.name);
        for (const ToolCall& call : m.toolCalls) {
            total.overheadTokens += add(call.name) + add(call.arguments) + kPerMessage;
            total.toolsEstimated = true;
        }
        if (!m.toolCallId.empty())
            total.toolsEstimated = true;
    }
    total.overheadTokens += kReplyPriming;
    if (!tools.empty()) {
        total.overheadTokens += toolDefinitionTokens(tools, [&](std::string_view t) { return add(t); },
                                                     tokenizer_ == "cl100k_base");
        total.toolsEstimated = true;
    }
    if (total.method.empty())
        total.method = std::string(methodFor(tokenizer_).label);
    total.tokens = content + total.overheadTokens;
    total.exact = anyExact && !total.toolsEstimated;
    return total;
}

} // namespace ts
