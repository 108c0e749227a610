#include "serve/openai_sse_writer.h"

#include "serve/json_text.h"

#include <nlohmann/json.hpp>

namespace ts::serve {

namespace {

constexpr std::string_view kDone = "data: [DONE]\n\n";

std::string toolCallDelta(const ToolCall& call, std::size_t index)
{
    nlohmann::json delta = {{"tool_calls", nlohmann::json::array({{{"index", index},
                                                                   {"id", call.id},
                                                                   {"type", "function"},
                                                                   {"function", {{"name", call.name}, {"arguments", call.arguments}}}}})}};
    return dumpJson(delta);
}

std::string usageJson(const Usage& u)
{
    return dumpJson({{"prompt_tokens", u.inputTokens},
                     {"completion_tokens", u.outputTokens},
                     {"total_tokens", u.totalTokens()},
                     {"prompt_tokens_details", {{"cached_tokens", u.cacheReadTokens}}},
                     {"completion_tokens_details", {{"reasoning_tokens", u.reasoningTokens}}}});
}

} // namespace

OpenAISseWriter::OpenAISseWriter(const ReplyHeader& header, bool includeUsage) : includeUsage_(includeUsage)
{
    prefix_ = "data: {\"id\":";
    appendJsonString(prefix_, header.id);
    prefix_ += ",\"object\":\"chat.completion.chunk\",\"created\":" + std::to_string(header.created) + ",\"model\":";
    appendJsonString(prefix_, header.model);
    prefix_ += ',';
}

std::string OpenAISseWriter::chunk(std::string_view delta, std::string_view finishReason) const
{
    std::string out;
    out.reserve(prefix_.size() + delta.size() + 96);
    out += prefix_;
    out += "\"choices\":[{\"index\":0,\"delta\":";
    out += delta;
    out += ",\"logprobs\":null,\"finish_reason\":";
    if (finishReason.empty())
        out += "null";
    else
        appendJsonString(out, finishReason);
    out += "}]}\n\n";
    return out;
}

std::string OpenAISseWriter::start() const { return chunk(R"({"role":"assistant","content":""})", {}); }

std::string OpenAISseWriter::text(std::string_view delta) const
{
    std::string d = "{\"content\":";
    appendJsonString(d, delta);
    d += '}';
    return chunk(d, {});
}

std::string OpenAISseWriter::finish(const ChatResponse& response) const
{
    std::string out;
    for (std::size_t i = 0; i < response.toolCalls.size(); ++i)
        out += chunk(toolCallDelta(response.toolCalls[i], i), {});
    out += chunk("{}", openAIFinishReason(response));
    if (includeUsage_)
        out += prefix_ + "\"choices\":[],\"usage\":" + usageJson(response.usage) + "}\n\n";
    out += kDone;
    return out;
}

std::string OpenAISseWriter::error(const GatewayError& error)
{
    return "data: " + openAIErrorJson(error) + "\n\n" + std::string(kDone);
}

} // namespace ts::serve
