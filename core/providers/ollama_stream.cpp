#include "providers/ollama_stream.h"

#include "model/attributes.h"
#include "providers/json_fields.h"
#include "providers/ollama_wire.h"

namespace ts::ollama {

using nlohmann::json;

namespace {

// The arguments arrive as an object; core keeps the JSON text, as the model would have written it.
ToolCall toolCallFrom(const json& call)
{
    const json* function = field(call, "function");
    if (!function)
        return {stringField(call, "id"), {}, {}};
    const json* arguments = field(*function, "arguments");
    std::string text = arguments
                           ? (arguments->is_string() ? arguments->get<std::string>() : arguments->dump())
                           : std::string("{}");
    return {stringField(call, "id"), stringField(*function, "name"), std::move(text)};
}

} // namespace

LineDelta StreamAssembler::apply(const json& line)
{
    if (response_.model.empty())
        response_.model = stringField(line, "model");
    LineDelta out;
    if (const json* message = field(line, "message")) {
        out.text = stringField(*message, "content");
        response_.text += out.text;
        const std::string thought = stringField(*message, "thinking");
        thinking_ += thought;
        bool called = false;
        if (const json* calls = field(*message, "tool_calls"); calls && calls->is_array())
            for (const json& call : *calls) {
                response_.toolCalls.push_back(toolCallFrom(call));
                called = true;
            }
        out.answer = !out.text.empty() || called;
        out.content = out.answer || !thought.empty();
    }
    if (const json* done = field(line, "done"); done && done->is_boolean() && done->get<bool>()) {
        done_ = true;
        final_ = line;
    }
    return out;
}

ChatResponse StreamAssembler::response() const
{
    ChatResponse out = response_;
    if (done_) {
        out.finishReason = finishReason(stringField(final_, "done_reason"), !out.toolCalls.empty());
        out.usage = usageFrom(final_);
    }
    return out;
}

Attributes StreamAssembler::attributes() const
{
    Attributes out;
    if (done_)
        addDurations(final_, out);
    if (!thinking_.empty())
        out[std::string(attr::kThinkingChars)] = static_cast<std::int64_t>(thinking_.size());
    return out;
}

} // namespace ts::ollama
