#include "serve/anthropic_reply.h"

#include "serve/json_text.h"

#include <nlohmann/json.hpp>

namespace ts::serve {

namespace {

using nlohmann::json;

// A tool call's arguments as the input object Anthropic wants; anything but an object is {}.
std::string inputOf(const std::string& arguments)
{
    const json input = json::parse(arguments, nullptr, false);
    return input.is_object() ? dumpJson(input) : std::string("{}");
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

void writeAnthropicUsage(JsonWriter& w, const Usage& u)
{
    const std::int64_t uncached = std::max<std::int64_t>(0, u.inputTokens - u.cacheReadTokens - u.cacheWriteTokens);
    w.beginObject();
    w.key("cache_creation_input_tokens").integer(u.cacheWriteTokens).key("cache_read_input_tokens").integer(u.cacheReadTokens);
    w.key("input_tokens").integer(uncached).key("output_tokens").integer(u.outputTokens);
    w.endObject();
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

// Keys in sorted order throughout: the replies read byte for byte as when nlohmann wrote them.
std::string anthropicMessageJson(const ReplyHeader& header, const ChatResponse& response)
{
    std::string out;
    out.reserve(320 + header.id.size() + header.model.size() + response.text.size());
    JsonWriter w(out);
    w.beginObject().key("content").beginArray();
    if (!response.text.empty() || response.toolCalls.empty())
        w.beginObject().key("text").string(response.text).key("type").string("text").endObject();
    for (const ToolCall& c : response.toolCalls) {
        w.beginObject().key("id").string(c.id).key("input").raw(inputOf(c.arguments));
        w.key("name").string(c.name).key("type").string("tool_use").endObject();
    }
    w.endArray().key("id").string(header.id).key("model").string(header.model).key("role").string("assistant");
    w.key("stop_reason").string(anthropicStopReason(response)).key("stop_sequence").null();
    w.key("type").string("message").key("usage");
    writeAnthropicUsage(w, response.usage);
    w.endObject();
    return out;
}

int anthropicStatus(const GatewayError& error)
{
    return error.kind == GatewayError::Kind::Overloaded ? 529 : openAIStatus(error);
}

std::string anthropicErrorJson(const GatewayError& error)
{
    std::string out;
    JsonWriter w(out);
    w.beginObject().key("error").beginObject().key("message").string(error.message).key("type").string(typeOf(error.kind));
    w.endObject().key("type").string("error").endObject();
    return out;
}

} // namespace ts::serve
