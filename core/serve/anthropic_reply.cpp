#include "serve/anthropic_reply.h"

#include "serve/json_text.h"

#include <nlohmann/json.hpp>

namespace ts::serve {

namespace {

using nlohmann::json;

json inputOf(const std::string& arguments)
{
    json input = json::parse(arguments, nullptr, false);
    return input.is_object() ? input : json::object();
}

const char* typeOf(GatewayError::Kind kind)
{
    using K = GatewayError::Kind;
    switch (kind) {
    case K::Authentication: return "authentication_error";
    case K::NotFound: return "not_found_error";
    case K::TooLarge: return "request_too_large";
    case K::RateLimited:
    case K::QuotaExceeded: return "rate_limit_error";
    case K::Overloaded: return "overloaded_error";
    case K::Timeout: return "timeout_error";
    case K::Upstream:
    case K::Unavailable:
    case K::Cancelled: return "api_error";
    case K::InvalidRequest:
    case K::UnsupportedMedia: return "invalid_request_error";
    }
    return "api_error";
}

} // namespace

json anthropicUsage(const Usage& u)
{
    const std::int64_t uncached = std::max<std::int64_t>(0, u.inputTokens - u.cacheReadTokens - u.cacheWriteTokens);
    return {{"input_tokens", uncached},
            {"cache_creation_input_tokens", u.cacheWriteTokens},
            {"cache_read_input_tokens", u.cacheReadTokens},
            {"output_tokens", u.outputTokens}};
}

std::string_view anthropicStopReason(const ChatResponse& response)
{
    const std::string& r = response.finishReason;
    if (r == "length")
        return "max_tokens";
    if (r == "tool_calls" || (!response.toolCalls.empty() && r != "content_filter"))
        return "tool_use";
    if (r == "content_filter")
        return "refusal";
    return "end_turn";
}

std::string anthropicMessageJson(const ReplyHeader& header, const ChatResponse& response)
{
    json content = json::array();
    if (!response.text.empty() || response.toolCalls.empty())
        content.push_back({{"type", "text"}, {"text", response.text}});
    for (const ToolCall& c : response.toolCalls)
        content.push_back({{"type", "tool_use"}, {"id", c.id}, {"name", c.name}, {"input", inputOf(c.arguments)}});
    const json out = {{"id", header.id},
                      {"type", "message"},
                      {"role", "assistant"},
                      {"model", header.model},
                      {"content", std::move(content)},
                      {"stop_reason", anthropicStopReason(response)},
                      {"stop_sequence", nullptr},
                      {"usage", anthropicUsage(response.usage)}};
    return dumpJson(out);
}

int anthropicStatus(const GatewayError& error)
{
    return error.kind == GatewayError::Kind::Overloaded ? 529 : openAIStatus(error);
}

std::string anthropicErrorJson(const GatewayError& error)
{
    return dumpJson({{"type", "error"}, {"error", {{"type", typeOf(error.kind)}, {"message", error.message}}}});
}

} // namespace ts::serve
