#include "serve/openai_sse_writer.h"

#include "serve/json_text.h"

namespace ts::serve {

namespace {

constexpr std::string_view kDone = "data: [DONE]\n\n";

} // namespace

OpenAISseWriter::OpenAISseWriter(const ReplyHeader& header, bool includeUsage) : includeUsage_(includeUsage)
{
    prefix_ = "data: {\"id\":";
    appendJsonString(prefix_, header.id);
    prefix_ += ",\"object\":\"chat.completion.chunk\",\"created\":" + std::to_string(header.created) + ",\"model\":";
    appendJsonString(prefix_, header.model);
    prefix_ += ',';
}

void OpenAISseWriter::appendChunk(std::string& out, std::string_view delta, std::string_view finishReason) const
{
    out.reserve(out.size() + prefix_.size() + delta.size() + 96);
    out += prefix_;
    out += "\"choices\":[{\"index\":0,\"delta\":";
    out += delta;
    out += ",\"logprobs\":null,\"finish_reason\":";
    if (finishReason.empty())
        out += "null";
    else
        appendJsonString(out, finishReason);
    out += "}]}\n\n";
}

std::string OpenAISseWriter::start() const
{
    std::string out;
    appendChunk(out, R"({"role":"assistant","content":""})", {});
    return out;
}

std::string OpenAISseWriter::text(std::string_view delta) const
{
    std::string d = "{\"content\":";
    appendJsonString(d, delta);
    d += '}';
    std::string out;
    appendChunk(out, d, {});
    return out;
}

std::string OpenAISseWriter::finish(const ChatResponse& response) const
{
    std::string out;
    std::string delta;
    for (std::size_t i = 0; i < response.toolCalls.size(); ++i) {
        delta.clear();
        JsonWriter w(delta);
        writeOpenAIToolCallDelta(w, response.toolCalls[i], i);
        appendChunk(out, delta, {});
    }
    appendChunk(out, "{}", openAIFinishReason(response));
    if (includeUsage_) {
        out += prefix_;
        out += "\"choices\":[],\"usage\":";
        JsonWriter w(out);
        writeOpenAIUsage(w, response.usage);
        out += "}\n\n";
    }
    out += kDone;
    return out;
}

std::string OpenAISseWriter::error(const GatewayError& error)
{
    return "data: " + openAIErrorJson(error) + "\n\n" + std::string(kDone);
}

} // namespace ts::serve
