#include "providers/openai_responses_stream.h"

#include "providers/json_fields.h"
#include "providers/openai_responses_reply.h"

namespace ts::openai_responses {

using nlohmann::json;

namespace {

bool carriesResponse(std::string_view type)
{
    return type == "response.created" || type == "response.in_progress" || type == "response.queued" ||
           type == "response.completed" || type == "response.incomplete" || type == "response.failed";
}

} // namespace

EventDelta StreamAssembler::apply(const json& event)
{
    const std::string type = stringField(event, "type");
    if (carriesResponse(type)) {
        const json* response = field(event, "response");
        return response ? applyResponse(*response) : EventDelta{};
    }
    if (type == "response.output_item.added" || type == "response.output_item.done") {
        const json* item = field(event, "item");
        return item ? foldItem(intField(event, "output_index"), *item) : EventDelta{};
    }
    if (type == "response.output_text.delta" || type == "response.output_text.done")
        return textDelta(event, type.ends_with("delta") ? "delta" : "text", type.ends_with("done"));
    if (type == "response.refusal.delta" || type == "response.refusal.done") {
        refused_ = true;
        return textDelta(event, type.ends_with("delta") ? "delta" : "refusal", type.ends_with("done"));
    }
    if (type == "response.function_call_arguments.delta" || type == "response.function_call_arguments.done")
        return argumentsDelta(event, type.ends_with("done"));
    if (type == "response.reasoning_summary_text.delta" || type == "response.reasoning_text.delta")
        return reasoningDelta(event);
    // content_part.*, *.done of reasoning, annotations, hosted tools' progress: nothing for the answer.
    return {};
}

EventDelta StreamAssembler::applyResponse(const json& response)
{
    if (const std::string id = stringField(response, "id"); !id.empty())
        response_.id = id;
    if (const std::string model = stringField(response, "model"); !model.empty())
        response_.model = model;
    if (const json* usage = field(response, "usage"))
        response_.usage = usageFrom(*usage);
    status_ = {{"status", stringField(response, "status")}};
    if (const json* details = field(response, "incomplete_details"))
        status_["incomplete_details"] = *details;
    EventDelta out;
    const json* output = field(response, "output");
    if (!output || !output->is_array())
        return out;
    for (std::size_t i = 0; i < output->size(); ++i) {
        const EventDelta item = foldItem(static_cast<std::int64_t>(i), (*output)[i]);
        out.text += item.text;
        out.answer = out.answer || item.answer;
        out.content = out.content || item.content;
    }
    return out;
}

ChatResponse StreamAssembler::response() const
{
    ChatResponse out = response_;
    out.toolCalls = toolCalls_;
    out.finishReason = finishReason(status_, !toolCalls_.empty(), refused_);
    return out;
}

// An item as announced (empty), as finished, or in a whole Response: what it holds that no delta brought.
EventDelta StreamAssembler::foldItem(std::int64_t index, const json& item)
{
    Item& slot = items_[index];
    slot.type = stringField(item, "type");
    if (const std::string id = stringField(item, "id"); !id.empty())
        indexById_[id] = index;
    if (slot.type == "function_call")
        foldFunctionCall(slot, item);
    if (slot.type == "reasoning")
        foldReasoning(slot, item);
    const json* content = field(item, "content");
    return slot.type == "message" && content ? foldMessage(slot, *content) : EventDelta{};
}

EventDelta StreamAssembler::foldMessage(Item& item, const json& content)
{
    if (item.taken || !content.is_array())
        return {};
    EventDelta out;
    for (const json& part : content) {
        const std::string type = stringField(part, "type");
        out.text += stringField(part, type == "refusal" ? "refusal" : "text");
        refused_ = refused_ || type == "refusal";
    }
    if (out.text.empty())
        return {};
    response_.text += out.text;
    item.taken = out.answer = out.content = true;
    return out;
}

void StreamAssembler::foldReasoning(Item& item, const json& reasoning)
{
    const json* summary = field(reasoning, "summary");
    if (item.taken || !summary || !summary->is_array())
        return;
    for (const json& part : *summary) {
        const std::string text = stringField(part, "text");
        reasoning_ += text;
        item.taken = item.taken || !text.empty();
    }
}

// The call_id and name come with the item's announcement; its arguments, when there, are the whole.
void StreamAssembler::foldFunctionCall(Item& item, const json& call)
{
    if (item.toolCall < 0) {
        item.toolCall = static_cast<int>(toolCalls_.size());
        toolCalls_.emplace_back();
    }
    ToolCall& out = toolCalls_[static_cast<std::size_t>(item.toolCall)];
    if (const std::string id = stringField(call, "call_id"); !id.empty())
        out.id = id;
    if (const std::string name = stringField(call, "name"); !name.empty())
        out.name = name;
    if (const std::string arguments = stringField(call, "arguments"); !arguments.empty())
        out.arguments = arguments;
}

// A `.done` event repeats the whole text: it counts only when no delta brought it.
EventDelta StreamAssembler::textDelta(const json& event, std::string_view key, bool done)
{
    Item& item = itemFor(event);
    if (done && item.taken)
        return {};
    EventDelta out;
    out.text = stringField(event, key);
    if (out.text.empty())
        return {};
    response_.text += out.text;
    item.taken = out.answer = out.content = true;
    return out;
}

EventDelta StreamAssembler::argumentsDelta(const json& event, bool done)
{
    Item& item = itemFor(event);
    item.type = "function_call";
    foldFunctionCall(item, event); // a .done event's name and arguments are the whole
    if (done)
        return {};
    const std::string fragment = stringField(event, "delta");
    toolCalls_[static_cast<std::size_t>(item.toolCall)].arguments += fragment;
    return {.answer = !fragment.empty(), .content = !fragment.empty()};
}

EventDelta StreamAssembler::reasoningDelta(const json& event)
{
    const std::string thought = stringField(event, "delta");
    reasoning_ += thought;
    itemFor(event).taken = true;
    return {.content = !thought.empty()};
}

// Deltas name their item by output_index; item_id stands in where a server leaves that out.
StreamAssembler::Item& StreamAssembler::itemFor(const json& event)
{
    if (field(event, "output_index"))
        return items_[intField(event, "output_index")];
    const auto found = indexById_.find(stringField(event, "item_id"));
    return items_[found == indexById_.end() ? -1 : found->second];
}

} // namespace ts::openai_responses
