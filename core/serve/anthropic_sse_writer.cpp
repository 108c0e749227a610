#include "serve/anthropic_sse_writer.h"

#include "serve/anthropic_reply.h"
#include "serve/json_text.h"

#include <nlohmann/json.hpp>

namespace ts::serve {

namespace {

using nlohmann::json;

std::string event(std::string_view name, const json& data)
{
    std::string out = "event: ";
    out += name;
    out += "\ndata: ";
    out += dumpJson(data);
    out += "\n\n";
    return out;
}

std::string blockStop(int index) { return event("content_block_stop", {{"type", "content_block_stop"}, {"index", index}}); }

} // namespace

std::string AnthropicSseWriter::start() const
{
    const json message = {{"id", header_.id},   {"type", "message"},   {"role", "assistant"},
                          {"model", header_.model}, {"content", json::array()}, {"stop_reason", nullptr},
                          {"stop_sequence", nullptr}, {"usage", anthropicUsage({})}};
    return event("message_start", {{"type", "message_start"}, {"message", message}}) +
           "event: ping\ndata: {\"type\": \"ping\"}\n\n";
}

std::string AnthropicSseWriter::text(std::string_view delta)
{
    std::string out;
    if (!textOpen_) {
        textOpen_ = true;
        out = event("content_block_start", {{"type", "content_block_start"},
                                            {"index", nextIndex_},
                                            {"content_block", {{"type", "text"}, {"text", ""}}}});
    }
    out += "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":" + std::to_string(nextIndex_) +
           ",\"delta\":{\"type\":\"text_delta\",\"text\":";
    appendJsonString(out, delta);
    out += "}}\n\n";
    return out;
}

std::string AnthropicSseWriter::finish(const ChatResponse& response)
{
    std::string out;
    if (textOpen_) {
        out += blockStop(nextIndex_++);
        textOpen_ = false;
    }
    for (const ToolCall& call : response.toolCalls) {
        const int index = nextIndex_++;
        out += event("content_block_start",
                     {{"type", "content_block_start"},
                      {"index", index},
                      {"content_block", {{"type", "tool_use"}, {"id", call.id}, {"name", call.name}, {"input", json::object()}}}});
        out += event("content_block_delta",
                     {{"type", "content_block_delta"},
                      {"index", index},
                      {"delta", {{"type", "input_json_delta"}, {"partial_json", call.arguments.empty() ? "{}" : call.arguments}}}});
        out += blockStop(index);
    }
    out += event("message_delta", {{"type", "message_delta"},
                                   {"delta", {{"stop_reason", anthropicStopReason(response)}, {"stop_sequence", nullptr}}},
                                   {"usage", anthropicUsage(response.usage)}});
    out += event("message_stop", {{"type", "message_stop"}});
    return out;
}

std::string AnthropicSseWriter::error(const GatewayError& error)
{
    return "event: error\ndata: " + anthropicErrorJson(error) + "\n\n";
}

} // namespace ts::serve
