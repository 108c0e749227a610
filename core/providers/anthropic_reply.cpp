#include "providers/anthropic_reply.h"

#include "providers/json_fields.h"

namespace ts::anthropic {

using nlohmann::json;

Usage usageFrom(const json& usage)
{
    Usage out;
    const std::int64_t read = intField(usage, "cache_read_input_tokens");
    const std::int64_t written = intField(usage, "cache_creation_input_tokens");
    out.inputTokens = intField(usage, "input_tokens") + read + written;
    out.cacheReadTokens = read;
    out.cacheWriteTokens = written;
    if (const json* creation = field(usage, "cache_creation"))
        out.cacheWrite1hTokens = intField(*creation, "ephemeral_1h_input_tokens");
    out.outputTokens = intField(usage, "output_tokens");
    if (const json* details = field(usage, "output_tokens_details"))
        out.reasoningTokens = intField(*details, "thinking_tokens");
    out.reported = true;
    return out;
}

void mergeUsage(json& into, const json& update)
{
    if (!update.is_object())
        return;
    if (!into.is_object())
        into = json::object();
    for (const auto& [key, value] : update.items())
        if (!value.is_null())
            into[key] = value;
}

std::string finishReason(std::string_view stopReason)
{
    if (stopReason == "end_turn")
        return "stop";
    if (stopReason == "max_tokens")
        return "length";
    if (stopReason == "tool_use")
        return "tool_calls";
    if (stopReason == "refusal")
        return "content_filter";
    return std::string(stopReason);
}

ProviderError errorFrom(const json& error, ProviderError::Kind kind)
{
    ProviderError out{.kind = kind};
    if (!error.is_object()) {
        out.message = error.is_string() ? error.get<std::string>() : error.dump();
        return out;
    }
    out.type = stringField(error, "type");
    out.message = stringField(error, "message");
    // A spend cap's 429 says why in details.error_code (enforced_spend_limit_reached).
    if (const json* details = field(error, "details"))
        out.code = stringField(*details, "error_code");
    return out;
}

ProviderError httpError(int status, std::string_view body)
{
    const json parsed = json::parse(body, nullptr, false);
    const json* error = field(parsed, "error");
    ProviderError out = error ? errorFrom(*error, ProviderError::Kind::Http)
                              : ProviderError{.kind = ProviderError::Kind::Http};
    out.httpStatus = status;
    if (out.message.empty())
        out.message = "HTTP " + std::to_string(status);
    return out;
}

} // namespace ts::anthropic
