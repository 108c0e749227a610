#include "providers/openai_responses_reply.h"

#include "providers/json_fields.h"

namespace ts::openai_responses {

using nlohmann::json;

Usage usageFrom(const json& usage)
{
    Usage out;
    out.inputTokens = intField(usage, "input_tokens");
    out.outputTokens = intField(usage, "output_tokens");
    if (const json* details = field(usage, "input_tokens_details")) {
        out.cacheReadTokens = intField(*details, "cached_tokens");
        out.cacheWriteTokens = intField(*details, "cache_write_tokens");
    }
    if (const json* details = field(usage, "output_tokens_details"))
        out.reasoningTokens = intField(*details, "reasoning_tokens");
    out.reported = true;
    return out;
}

std::string finishReason(const json& response, bool toolCalls, bool refused)
{
    const std::string status = stringField(response, "status");
    if (status == "completed")
        return refused ? "content_filter" : toolCalls ? "tool_calls" : "stop";
    if (status == "incomplete") {
        const json* details = field(response, "incomplete_details");
        // The spec's own example of this event says max_tokens; its enum says max_output_tokens.
        const std::string reason = details ? stringField(*details, "reason") : std::string();
        return reason == "max_output_tokens" || reason == "max_tokens" ? "length" : "content_filter";
    }
    return status == "failed" ? "error" : "";
}

ProviderError failureFrom(const json& error)
{
    if (const json* inner = field(error, "error"); inner && inner->is_object())
        return failureFrom(*inner);
    ProviderError out{.kind = ProviderError::Kind::Stream};
    if (!error.is_object()) {
        out.type = "server_error";
        out.message = error.is_string() ? error.get<std::string>() : error.dump();
        return out;
    }
    out.code = stringField(error, "code");
    out.type = stringField(error, "type");
    if (out.type.empty() || out.type == "error")
        out.type = out.code.empty() ? std::string("server_error") : out.code;
    out.message = stringField(error, "message");
    if (out.message.empty())
        out.message = "the response failed";
    return out;
}

} // namespace ts::openai_responses
