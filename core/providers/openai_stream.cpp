#include "providers/openai_stream.h"

#include "providers/json_fields.h"
#include "providers/openai_wire.h"

namespace ts::openai {

using nlohmann::json;

ChunkDelta StreamAssembler::apply(const json& chunk)
{
    if (response_.id.empty())
        response_.id = stringField(chunk, "id");
    if (response_.model.empty())
        response_.model = stringField(chunk, "model");
    // Only the final chunk carries usage; the others omit it or send null.
    if (const json* usage = field(chunk, "usage")) {
        response_.usage = usageFrom(*usage);
        response_.reportedCostUsd = reportedCostFrom(*usage);
    }
    ChunkDelta out;
    const json* choices = field(chunk, "choices");
    if (!choices || !choices->is_array())
        return out;
    for (const json& choice : *choices) {
        if (intField(choice, "index") != 0)
            continue;
        if (const json* delta = field(choice, "delta"))
            applyDelta(*delta, out);
        if (const std::string reason = stringField(choice, "finish_reason"); !reason.empty())
            response_.finishReason = reason;
    }
    return out;
}

ChatResponse StreamAssembler::response() const
{
    ChatResponse out = response_;
    for (const auto& [index, call] : toolCalls_)
        out.toolCalls.push_back(call);
    return out;
}

void StreamAssembler::applyDelta(const json& delta, ChunkDelta& out)
{
    out.text = visibleText(delta);
    response_.text += out.text;
    out.hasContent = !out.text.empty();
    const json* fragments = field(delta, "tool_calls");
    if (!fragments || !fragments->is_array())
        return;
    for (const json& fragment : *fragments)
        applyToolFragment(fragment);
    out.hasContent = out.hasContent || !fragments->empty();
}

void StreamAssembler::applyToolFragment(const json& fragment)
{
    ToolCall& call = toolCalls_[intField(fragment, "index")];
    if (const std::string id = stringField(fragment, "id"); !id.empty())
        call.id = id;
    const json* function = field(fragment, "function");
    if (!function)
        return;
    if (const std::string name = stringField(*function, "name"); !name.empty())
        call.name = name;
    call.arguments += stringField(*function, "arguments");
}

} // namespace ts::openai
