#include "providers/anthropic_stream.h"

#include "providers/anthropic_reply.h"
#include "providers/json_fields.h"

namespace ts::anthropic {

using nlohmann::json;

EventDelta StreamAssembler::apply(const json& event)
{
    const std::string type = stringField(event, "type");
    const std::int64_t index = intField(event, "index");
    if (type == "content_block_delta") {
        const json* delta = field(event, "delta");
        return delta ? applyDelta(index, *delta) : EventDelta{};
    }
    if (type == "content_block_start") {
        const json* block = field(event, "content_block");
        return block ? startBlock(index, *block) : EventDelta{};
    }
    if (type == "message_start") {
        const json* message = field(event, "message");
        return message ? applyMessage(*message) : EventDelta{};
    }
    if (type == "message_delta")
        applyMessageDelta(event);
    return {};
}

EventDelta StreamAssembler::applyMessage(const json& message)
{
    if (const std::string id = stringField(message, "id"); !id.empty())
        response_.id = id;
    if (const std::string model = stringField(message, "model"); !model.empty())
        response_.model = model;
    if (const json* usage = field(message, "usage"))
        mergeUsage(usage_, *usage);
    if (const std::string reason = stringField(message, "stop_reason"); !reason.empty()) {
        stopReason_ = reason;
        response_.finishReason = finishReason(reason);
    }
    EventDelta out;
    if (const json* content = field(message, "content"); content && content->is_array())
        for (const json& part : *content) {
            const EventDelta block = startBlock(static_cast<std::int64_t>(blocks_.size()), part);
            out.text += block.text;
            out.answer = out.answer || block.answer;
            out.content = out.content || block.content;
        }
    return out;
}

ChatResponse StreamAssembler::response() const
{
    ChatResponse out = response_;
    out.toolCalls = toolCalls_;
    // A tool without parameters may get no input_json_delta at all: its input is the start's.
    for (std::size_t i = 0; i < out.toolCalls.size(); ++i)
        if (out.toolCalls[i].arguments.empty())
            out.toolCalls[i].arguments = startInputs_[i];
    if (!usage_.is_null())
        out.usage = usageFrom(usage_);
    return out;
}

// A block's start carries its opening content: empty while streaming, all of it in a whole Message.
EventDelta StreamAssembler::startBlock(std::int64_t index, const json& block)
{
    Block& started = blocks_[index];
    started.type = stringField(block, "type");
    EventDelta out;
    if (started.type == "text") {
        out.text = stringField(block, "text");
        response_.text += out.text;
        out.answer = out.content = !out.text.empty();
    } else if (started.type == "thinking") {
        thinking_ += stringField(block, "thinking");
    } else if (started.type == "tool_use") {
        started.toolCall = static_cast<int>(toolCalls_.size());
        toolCalls_.push_back({stringField(block, "id"), stringField(block, "name"), {}});
        const json* input = field(block, "input");
        startInputs_.push_back(input ? input->dump() : std::string("{}"));
    } else if (started.type == "fallback") {
        // The request's model declined and another answered: name the one that did.
        if (const json* to = field(block, "to"); to && !stringField(*to, "model").empty())
            response_.model = stringField(*to, "model");
    }
    return out;
}

EventDelta StreamAssembler::applyDelta(std::int64_t index, const json& delta)
{
    const auto found = blocks_.find(index);
    const Block* block = found == blocks_.end() ? nullptr : &found->second;
    const std::string type = stringField(delta, "type");
    EventDelta out;
    if (type == "text_delta") {
        out.text = stringField(delta, "text");
        response_.text += out.text;
        out.answer = out.content = !out.text.empty();
    } else if (type == "input_json_delta" && block && block->toolCall >= 0) {
        const std::string fragment = stringField(delta, "partial_json");
        toolCalls_[static_cast<std::size_t>(block->toolCall)].arguments += fragment;
        out.answer = out.content = !fragment.empty();
    } else if (type == "thinking_delta") {
        const std::string thought = stringField(delta, "thinking");
        thinking_ += thought;
        out.content = !thought.empty();
    }
    // signature_delta, citations_delta, compaction_delta and a server tool's input add no answer.
    return out;
}

void StreamAssembler::applyMessageDelta(const json& event)
{
    if (const json* delta = field(event, "delta"))
        if (const std::string reason = stringField(*delta, "stop_reason"); !reason.empty()) {
            stopReason_ = reason;
            response_.finishReason = finishReason(reason);
        }
    if (const json* usage = field(event, "usage"))
        mergeUsage(usage_, *usage);
}

} // namespace ts::anthropic
