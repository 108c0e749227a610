#include "mock_openai_responses_events.h"

#include "mock_openai_responses.h"

namespace ts::test::responses_mock {

namespace {

constexpr std::int64_t kCreated = 1741476542;

Json textPart(std::string_view text, bool refusal)
{
    if (refusal)
        return {{"type", "refusal"}, {"refusal", text}};
    return {{"type", "output_text"}, {"text", text}, {"annotations", Json::array()}, {"logprobs", Json::array()}};
}

Json onItem(std::string_view type, std::string_view itemId, int index, Json rest = Json::object())
{
    Json event{{"type", type}, {"item_id", itemId}, {"output_index", index}};
    event.update(rest);
    return event;
}

void echoed(const Echo& echo, const char* key, Json& out)
{
    out[key] = echo.request.contains(key) ? echo.request[key] : Json();
}

} // namespace

Json usage()
{
    return {{"input_tokens", kInputTokens},
            {"input_tokens_details", {{"cached_tokens", kCachedTokens}, {"cache_write_tokens", kCacheWriteTokens}}},
            {"output_tokens", kOutputTokens},
            {"output_tokens_details", {{"reasoning_tokens", kReasoningTokens}}},
            {"total_tokens", kInputTokens + kOutputTokens}};
}

Json response(const Echo& echo, std::string_view status, Json output)
{
    const bool over = status != "in_progress" && status != "queued";
    Json out{{"id", kResponseId}, {"object", "response"}, {"created_at", kCreated}, {"status", status},
             {"background", false}, {"completed_at", status == "completed" ? Json(kCreated + 1) : Json()},
             {"error", nullptr}, {"incomplete_details", nullptr}};
    echoed(echo, "instructions", out);
    echoed(echo, "max_output_tokens", out);
    out["model"] = echo.model + std::string(mock::kModelSuffix);
    out["output"] = std::move(output);
    out["parallel_tool_calls"] = true;
    out["previous_response_id"] = nullptr;
    out["reasoning"] = {{"effort", nullptr}, {"summary", nullptr}};
    out["store"] = true;
    out["temperature"] = echo.request.value("temperature", 1.0);
    out["text"] = echo.request.contains("text") ? Json(echo.request["text"]) : Json{{"format", {{"type", "text"}}}};
    out["tool_choice"] = "auto";
    out["tools"] = echo.request.contains("tools") ? Json(echo.request["tools"]) : Json::array();
    out["top_p"] = echo.request.value("top_p", 1.0);
    out["truncation"] = "disabled";
    out["usage"] = over ? usage() : Json();
    out["user"] = nullptr;
    out["metadata"] = Json::object();
    return out;
}

Json messageItem(std::string_view text, bool refusal, std::string_view status)
{
    Json content = Json::array();
    if (!text.empty())
        content.push_back(textPart(text, refusal));
    return {{"id", kMessageId}, {"type", "message"}, {"status", status}, {"content", std::move(content)},
            {"role", "assistant"}};
}

Json functionCallItem(int n, std::string_view status)
{
    const MockCall& call = kCalls.at(static_cast<std::size_t>(n));
    return {{"id", call.itemId},     {"type", "function_call"}, {"status", status},
            {"arguments", status == "completed" ? joined(call.fragments) : ""},
            {"call_id", call.callId}, {"name", call.name}};
}

Json reasoningItem(bool finished)
{
    Json summary = Json::array();
    if (finished)
        summary.push_back({{"type", "summary_text"}, {"text", joined(kReasoningPieces)}});
    return {{"id", kReasoningId}, {"type", "reasoning"}, {"summary", std::move(summary)}};
}

Events messageEvents(int index, const std::vector<std::string>& pieces, bool finished, bool refusal)
{
    const std::string text = joined(pieces);
    Json added = messageItem("", refusal, "in_progress");
    Events events{{{"type", "response.output_item.added"}, {"output_index", index}, {"item", added}}};
    events.push_back(onItem("response.content_part.added", kMessageId, index,
                            {{"content_index", 0}, {"part", textPart("", refusal)}}));
    const std::string kind = refusal ? "response.refusal" : "response.output_text";
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        Json delta{{"content_index", 0}, {"delta", pieces[i]}};
        if (!refusal) // real streams pad text deltas unless asked not to
            delta.update(Json{{"logprobs", Json::array()}, {"obfuscation", std::string("Zr8qT4w").substr(0, 2 + i % 5)}});
        events.push_back(onItem(kind + ".delta", kMessageId, index, std::move(delta)));
    }
    if (!finished)
        return events;
    events.push_back(onItem(kind + ".done", kMessageId, index, {{"content_index", 0}, {refusal ? "refusal" : "text", text}}));
    events.push_back(onItem("response.content_part.done", kMessageId, index,
                            {{"content_index", 0}, {"part", textPart(text, refusal)}}));
    events.push_back({{"type", "response.output_item.done"}, {"output_index", index},
                      {"item", messageItem(text, refusal)}});
    return events;
}

Events functionCallEvents(int index, int n)
{
    const MockCall& call = kCalls.at(static_cast<std::size_t>(n));
    Events events{{{"type", "response.output_item.added"}, {"output_index", index},
                   {"item", functionCallItem(n, "in_progress")}}};
    for (const std::string& fragment : call.fragments)
        events.push_back(onItem("response.function_call_arguments.delta", call.itemId, index, {{"delta", fragment}}));
    events.push_back(onItem("response.function_call_arguments.done", call.itemId, index,
                            {{"name", call.name}, {"arguments", joined(call.fragments)}}));
    events.push_back({{"type", "response.output_item.done"}, {"output_index", index}, {"item", functionCallItem(n)}});
    return events;
}

Events reasoningEvents(int index)
{
    Events events{{{"type", "response.output_item.added"}, {"output_index", index}, {"item", reasoningItem(false)}}};
    const Json part{{"summary_index", 0}, {"part", {{"type", "summary_text"}, {"text", ""}}}};
    events.push_back(onItem("response.reasoning_summary_part.added", kReasoningId, index, part));
    for (const std::string& piece : kReasoningPieces)
        events.push_back(onItem("response.reasoning_summary_text.delta", kReasoningId, index,
                                {{"summary_index", 0}, {"delta", piece}}));
    events.push_back(onItem("response.reasoning_summary_text.done", kReasoningId, index,
                            {{"summary_index", 0}, {"text", joined(kReasoningPieces)}}));
    events.push_back(onItem("response.reasoning_summary_part.done", kReasoningId, index,
                            {{"summary_index", 0}, {"part", {{"type", "summary_text"}, {"text", joined(kReasoningPieces)}}}}));
    events.push_back({{"type", "response.output_item.done"}, {"output_index", index}, {"item", reasoningItem(true)}});
    return events;
}

Events wrap(const Echo& echo, Events items, std::string_view terminalType, Json terminalResponse)
{
    Events events{{{"type", "response.created"}, {"response", response(echo, "in_progress", Json::array())}},
                  {{"type", "response.in_progress"}, {"response", response(echo, "in_progress", Json::array())}}};
    events.insert(events.end(), items.begin(), items.end());
    if (!terminalType.empty())
        events.push_back({{"type", terminalType}, {"response", std::move(terminalResponse)}});
    return events;
}

// sequence_number follows type, as in the API's streams.
std::vector<std::string> framed(const Events& events)
{
    std::vector<std::string> out;
    int sequence = 0;
    for (const Json& event : events) {
        Json data{{"type", event.at("type")}, {"sequence_number", sequence++}};
        for (const auto& [key, value] : event.items())
            if (key != "type")
                data[key] = value;
        out.push_back("event: " + event.at("type").get<std::string>() + "\ndata: " + data.dump() + "\n\n");
    }
    return out;
}

} // namespace ts::test::responses_mock
