#include "trace/import/otlp_conventions.h"

#include "model/attributes.h"
#include "trace/import/span_messages.h"

#include <algorithm>
#include <cctype>
#include <span>

namespace ts::import {

namespace {

struct Rename
{
    std::string_view from;
    std::string_view to;
};

// In order of preference where several name one thing (llm.provider before llm.system).
constexpr Rename kRenames[] = {
    {"gen_ai.system", attr::kProviderName},
    {"gen_ai.usage.prompt_tokens", attr::kInputTokens},
    {"gen_ai.usage.completion_tokens", attr::kOutputTokens},
    {"gen_ai.openai.request.seed", attr::kRequestSeed},
    {"gen_ai.openai.request.response_format", "gen_ai.output.type"},
    {"gen_ai.openai.request.service_tier", "openai.request.service_tier"},
    {"gen_ai.openai.response.service_tier", "openai.response.service_tier"},
    {"gen_ai.openai.response.system_fingerprint", "openai.response.system_fingerprint"},
    // OpenInference
    {"llm.model_name", attr::kRequestModel},
    {"llm.provider", attr::kProviderName},
    {"llm.system", attr::kProviderName},
    {"llm.token_count.prompt", attr::kInputTokens},
    {"llm.token_count.completion", attr::kOutputTokens},
    {"llm.token_count.prompt_details.cache_read", attr::kCacheReadTokens},
    {"llm.token_count.prompt_details.cache_write", attr::kCacheWriteTokens},
    {"llm.token_count.completion_details.reasoning", attr::kReasoningTokens},
    {"session.id", attr::kSession},
    {"user.id", attr::kUser},
    // OpenLLMetry
    {"llm.usage.prompt_tokens", attr::kInputTokens},
    {"llm.usage.completion_tokens", attr::kOutputTokens},
    {"gen_ai.usage.cache_read_input_tokens", attr::kCacheReadTokens},
    {"gen_ai.usage.cache_creation_input_tokens", attr::kCacheWriteTokens},
};

// Old and other conventions' provider values, as gen_ai.provider.name spells them.
constexpr Rename kProviders[] = {
    {"az.ai.openai", "azure.ai.openai"},
    {"az.ai.inference", "azure.ai.inference"},
    {"azure", "azure.ai.openai"},
    {"vertex_ai", "gcp.vertex_ai"},
    {"vertexai", "gcp.vertex_ai"},
    {"gemini", "gcp.gemini"},
    {"google", "gcp.gen_ai"},
    {"aws", "aws.bedrock"},
    {"bedrock", "aws.bedrock"},
    {"xai", "x_ai"},
    {"mistralai", "mistral_ai"},
    {"watsonx", "ibm.watsonx.ai"},
};

// Span kinds of OpenInference, OpenLLMetry's llm.request.type and traceloop.span.kind, as operations.
constexpr Rename kOperations[] = {
    {"LLM", "chat"},
    {"EMBEDDING", "embeddings"},
    {"TOOL", "execute_tool"},
    {"AGENT", "invoke_agent"},
    {"RETRIEVER", "retrieval"},
    {"chat", "chat"},
    {"completion", "text_completion"},
    {"embedding", "embeddings"},
    {"tool", "execute_tool"},
    {"agent", "invoke_agent"},
    {"workflow", "invoke_workflow"},
};

std::string_view lookup(std::span<const Rename> table, std::string_view key)
{
    for (const Rename& r : table)
        if (r.from == key)
            return r.to;
    return {};
}

std::string providerValue(std::string value)
{
    std::transform(value.begin(), value.end(), value.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string_view known = lookup(kProviders, value);
    return known.empty() ? value : std::string(known);
}

void rename(Span& span, const Rename& r)
{
    auto from = span.attributes.find(r.from);
    if (from == span.attributes.end())
        return;
    AttrValue value = from->second;
    if (r.to == attr::kProviderName)
        if (const auto* s = std::get_if<std::string>(&value))
            value = providerValue(*s);
    const auto to = span.attributes.find(r.to);
    if (to != span.attributes.end() && to->second != value)
        return;
    span.attributes.erase(from);
    span.attributes.emplace(std::string(r.to), std::move(value));
}

void deriveOperation(Span& span)
{
    if (span.attr(attr::kOperationName))
        return;
    for (std::string_view key : {"openinference.span.kind", "llm.request.type", "traceloop.span.kind"}) {
        const std::string_view op = lookup(kOperations, span.attrView(key));
        if (!op.empty()) {
            span.attributes.emplace(std::string(attr::kOperationName), std::string(op));
            return;
        }
    }
}

} // namespace

void applyConventions(Span& span)
{
    for (const Rename& r : kRenames)
        rename(span, r);
    deriveOperation(span);
    readSpanMessages(span);
}

} // namespace ts::import
