#include "serve/openai_reply.h"

#include <random>

namespace ts::serve {

namespace {

// Keys in sorted order throughout: the replies read byte for byte as when nlohmann wrote them.
void writeToolCall(JsonWriter& w, const ToolCall& call)
{
    w.key("function").beginObject().key("arguments").string(call.arguments).key("name").string(call.name).endObject();
    w.key("id").string(call.id);
}

void writeMessage(JsonWriter& w, const ChatResponse& response)
{
    const bool calls = !response.toolCalls.empty();
    w.beginObject().key("content");
    if (calls && response.text.empty())
        w.null();
    else
        w.string(response.text);
    w.key("refusal").null().key("role").string("assistant");
    if (calls) {
        w.key("tool_calls").beginArray();
        for (const ToolCall& call : response.toolCalls) {
            w.beginObject();
            writeToolCall(w, call);
            w.key("type").string("function").endObject();
        }
        w.endArray();
    }
    w.endObject();
}

const char* typeOf(GatewayError::Kind kind)
{
    using K = GatewayError::Kind;
    switch (kind) {
    case K::RateLimited: return "rate_limit_exceeded";
    case K::QuotaExceeded: return "insufficient_quota";
    case K::Overloaded:
    case K::Upstream:
    case K::Timeout:
    case K::Unavailable: return "server_error";
    case K::Authentication: return "invalid_request_error";
    default: return "invalid_request_error";
    }
}

} // namespace

std::string newReplyId(std::string_view prefix)
{
    static constexpr char kHex[] = "0123456789abcdef";
    thread_local std::mt19937_64 rng{std::random_device{}()};
    std::string id(prefix);
    for (int word = 0; word < 2; ++word) {
        std::uint64_t bits = rng();
        for (int i = 0; i < 12; ++i, bits >>= 4)
            id += kHex[bits & 0xf];
    }
    return id;
}

std::string_view openAIFinishReason(const ChatResponse& response)
{
    const std::string& r = response.finishReason;
    if (r == "length" || r == "tool_calls" || r == "content_filter")
        return r;
    return response.toolCalls.empty() ? "stop" : "tool_calls";
}

void writeOpenAIUsage(JsonWriter& w, const Usage& u)
{
    w.beginObject();
    w.key("completion_tokens").integer(u.outputTokens);
    w.key("completion_tokens_details").beginObject().key("reasoning_tokens").integer(u.reasoningTokens).endObject();
    w.key("prompt_tokens").integer(u.inputTokens);
    w.key("prompt_tokens_details").beginObject().key("cached_tokens").integer(u.cacheReadTokens).endObject();
    w.key("total_tokens").integer(u.totalTokens());
    w.endObject();
}

void writeOpenAIToolCallDelta(JsonWriter& w, const ToolCall& call, std::size_t index)
{
    w.beginObject().key("tool_calls").beginArray().beginObject();
    writeToolCall(w, call);
    w.key("index").integer(static_cast<std::int64_t>(index)).key("type").string("function");
    w.endObject().endArray().endObject();
}

std::string openAICompletionJson(const ReplyHeader& header, const ChatResponse& response)
{
    std::string out;
    out.reserve(320 + header.id.size() + header.model.size() + response.text.size());
    JsonWriter w(out);
    w.beginObject().key("choices").beginArray().beginObject();
    w.key("finish_reason").string(openAIFinishReason(response)).key("index").integer(0).key("logprobs").null();
    w.key("message");
    writeMessage(w, response);
    w.endObject().endArray();
    w.key("created").integer(header.created).key("id").string(header.id).key("model").string(header.model);
    w.key("object").string("chat.completion").key("usage");
    writeOpenAIUsage(w, response.usage);
    w.endObject();
    return out;
}

int openAIStatus(const GatewayError& error)
{
    using K = GatewayError::Kind;
    switch (error.kind) {
    case K::InvalidRequest: return 400;
    case K::Authentication: return 401;
    case K::NotFound: return 404;
    case K::TooLarge: return 413;
    case K::UnsupportedMedia: return 415;
    case K::RateLimited:
    case K::QuotaExceeded: return 429;
    case K::Overloaded:
    case K::Unavailable: return 503;
    case K::Upstream: return 502;
    case K::Timeout: return 504;
    case K::Cancelled: return 499;
    }
    return 500;
}

std::string openAIErrorJson(const GatewayError& error)
{
    const bool authentication = error.code.empty() && error.kind == GatewayError::Kind::Authentication;
    std::string out;
    JsonWriter w(out);
    w.beginObject().key("error").beginObject();
    w.key("code").stringOrNull(authentication ? std::string_view("invalid_api_key") : std::string_view(error.code));
    w.key("message").string(error.message).key("param").stringOrNull(error.param).key("type").string(typeOf(error.kind));
    w.endObject().endObject();
    return out;
}

} // namespace ts::serve
