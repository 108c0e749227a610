#include "serve/anthropic_sse_writer.h"

#include "serve/anthropic_reply.h"
#include "serve/json_text.h"

namespace ts::serve {

namespace {

// `event: NAME\ndata: {...}\n\n`, the data object's members written by `members` (keys sorted, as
// nlohmann wrote them).
template <class Members> void appendEvent(std::string& out, std::string_view name, Members&& members)
{
    out += "event: ";
    out += name;
    out += "\ndata: ";
    JsonWriter w(out);
    w.beginObject();
    members(w);
    w.endObject();
    out += "\n\n";
}

void appendBlockStop(std::string& out, int index)
{
    appendEvent(out, "content_block_stop",
                [&](JsonWriter& w) { w.key("index").integer(index).key("type").string("content_block_stop"); });
}

} // namespace

std::string AnthropicSseWriter::start() const
{
    std::string out;
    appendEvent(out, "message_start", [&](JsonWriter& w) {
        w.key("message").beginObject().key("content").beginArray().endArray();
        w.key("id").string(header_.id).key("model").string(header_.model).key("role").string("assistant");
        w.key("stop_reason").null().key("stop_sequence").null().key("type").string("message").key("usage");
        writeAnthropicUsage(w, {});
        w.endObject().key("type").string("message_start");
    });
    out += "event: ping\ndata: {\"type\": \"ping\"}\n\n";
    return out;
}

std::string AnthropicSseWriter::text(std::string_view delta)
{
    std::string out;
    if (!textOpen_) {
        textOpen_ = true;
        appendEvent(out, "content_block_start", [&](JsonWriter& w) {
            w.key("content_block").beginObject().key("text").string("").key("type").string("text").endObject();
            w.key("index").integer(nextIndex_).key("type").string("content_block_start");
        });
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
        appendBlockStop(out, nextIndex_++);
        textOpen_ = false;
    }
    for (const ToolCall& call : response.toolCalls) {
        const int index = nextIndex_++;
        appendEvent(out, "content_block_start", [&](JsonWriter& w) {
            w.key("content_block").beginObject().key("id").string(call.id).key("input").raw("{}");
            w.key("name").string(call.name).key("type").string("tool_use").endObject();
            w.key("index").integer(index).key("type").string("content_block_start");
        });
        appendEvent(out, "content_block_delta", [&](JsonWriter& w) {
            w.key("delta").beginObject().key("partial_json").string(call.arguments.empty() ? "{}" : call.arguments);
            w.key("type").string("input_json_delta").endObject();
            w.key("index").integer(index).key("type").string("content_block_delta");
        });
        appendBlockStop(out, index);
    }
    appendEvent(out, "message_delta", [&](JsonWriter& w) {
        w.key("delta").beginObject().key("stop_reason").string(anthropicStopReason(response)).key("stop_sequence").null();
        w.endObject().key("type").string("message_delta").key("usage");
        writeAnthropicUsage(w, response.usage);
    });
    appendEvent(out, "message_stop", [&](JsonWriter& w) { w.key("type").string("message_stop"); });
    return out;
}

std::string AnthropicSseWriter::error(const GatewayError& error)
{
    return "event: error\ndata: " + anthropicErrorJson(error) + "\n\n";
}

} // namespace ts::serve
