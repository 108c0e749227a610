#include "serve/openai_reply.h"

#include "serve/json_text.h"

#include <nlohmann/json.hpp>

#include <random>

namespace ts::serve {

namespace {

using nlohmann::json;

json usageJson(const Usage& u)
{
    return {{"prompt_tokens", u.inputTokens},
            {"completion_tokens", u.outputTokens},
            {"total_tokens", u.totalTokens()},
            {"prompt_tokens_details", {{"cached_tokens", u.cacheReadTokens}}},
            {"completion_tokens_details", {{"reasoning_tokens", u.reasoningTokens}}}};
}

json toolCallsJson(const std::vector<ToolCall>& calls)
{
    json out = json::array();
    for (const ToolCall& c : calls)
        out.push_back({{"id", c.id}, {"type", "function"}, {"function", {{"name", c.name}, {"arguments", c.arguments}}}});
    return out;
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

json nullOr(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

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

std::string openAICompletionJson(const ReplyHeader& header, const ChatResponse& response)
{
    json message = {{"role", "assistant"}, {"content", response.text}, {"refusal", nullptr}};
    if (!response.toolCalls.empty()) {
        message["tool_calls"] = toolCallsJson(response.toolCalls);
        if (response.text.empty())
            message["content"] = nullptr;
    }
    json out = {{"id", header.id},
                {"object", "chat.completion"},
                {"created", header.created},
                {"model", header.model},
                {"choices", json::array({{{"index", 0},
                                          {"message", std::move(message)},
                                          {"logprobs", nullptr},
                                          {"finish_reason", openAIFinishReason(response)}}})},
                {"usage", usageJson(response.usage)}};
    return dumpJson(out);
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
    std::string code = error.code;
    if (code.empty() && error.kind == GatewayError::Kind::Authentication)
        code = "invalid_api_key";
    json out = {{"error",
                 {{"message", error.message}, {"type", typeOf(error.kind)}, {"param", nullOr(error.param)}, {"code", nullOr(code)}}}};
    return dumpJson(out);
}

} // namespace ts::serve
