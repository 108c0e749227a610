#include "trace/import/span_messages.h"

#include "model/attributes.h"
#include "trace/import/flat_messages.h"
#include "trace/import/message_codec.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace ts::import {

namespace {

using nlohmann::json;

constexpr std::string_view kDetailsEvent = "gen_ai.client.inference.operation.details";

json parsed(std::string_view text)
{
    return json::parse(text, nullptr, false);
}

// Sets kInputMessages or kOutputMessages from `value` read as messages (or as a reply).
bool setMessages(Span& span, std::string_view key, const json& value, bool reply)
{
    if (value.is_discarded())
        return false;
    std::vector<Message> messages;
    const std::string why = reply ? readReply(value, messages) : readMessages(value, messages);
    if (!why.empty() || messages.empty())
        return false;
    span.attributes.insert_or_assign(
        std::string(key), toGenAiMessages(messages).dump(-1, ' ', false, json::error_handler_t::replace));
    return true;
}

void fromFlat(Span& span, std::string_view prefix, std::string_view key, bool reply)
{
    if (span.attr(key))
        return;
    std::vector<std::string> consumed;
    const auto list = flatMessages(span, prefix, consumed);
    if (!list || !setMessages(span, key, *list, reply))
        return;
    std::vector<std::string> finishReasons;
    for (const json& m : *list)
        if (m.is_object() && m.contains("finish_reason") && m["finish_reason"].is_string())
            finishReasons.push_back(m["finish_reason"].get<std::string>());
    if (!finishReasons.empty())
        span.attributes.emplace(std::string(attr::kFinishReasons), std::move(finishReasons));
    for (const std::string& name : consumed)
        span.attributes.erase(name);
}

// Messages held as JSON text under another name.
void fromJsonText(Span& span, std::string_view from, std::string_view key, bool reply)
{
    const std::string text = span.attrString(from);
    if (!text.empty() && !span.attr(key) && setMessages(span, key, parsed(text), reply))
        span.attributes.erase(std::string(from));
}

// OpenInference's input.value / output.value are the request and the reply on an LLM span.
void fromOpenInferenceValues(Span& span)
{
    if (span.attrView("openinference.span.kind") != "LLM")
        return;
    for (const auto& [value, mime, key, reply] :
         {std::tuple{"input.value", "input.mime_type", kInputMessages, false},
          std::tuple{"output.value", "output.mime_type", kOutputMessages, true}})
        if (span.attrView(mime) == "application/json" && !span.attr(key) &&
            setMessages(span, key, parsed(span.attrView(value)), reply)) {
            span.attributes.erase(value);
            span.attributes.erase(mime);
        }
}

void systemInstructions(Span& span)
{
    const std::string text = span.attrString(kSystemInstructions);
    if (text.empty())
        return;
    const json parts = parsed(text);
    json list = json::array();
    list.push_back(parts.is_array() ? json{{"role", "system"}, {"parts", parts}}
                                    : json{{"role", "system"}, {"content", text}});
    if (const std::string input = span.attrString(kInputMessages); !input.empty()) {
        const json rest = parsed(input);
        if (!rest.is_array())
            return;
        list.insert(list.end(), rest.begin(), rest.end());
    }
    if (setMessages(span, kInputMessages, list, false))
        span.attributes.erase(std::string(kSystemInstructions));
}

std::string eventText(const SpanEvent& e, std::string_view key)
{
    const auto it = e.attributes.find(key);
    const auto* s = it == e.attributes.end() ? nullptr : std::get_if<std::string>(&it->second);
    return s ? *s : std::string();
}

// The current event carries the span's own content attributes: they move onto the span.
void fromDetailsEvent(Span& span)
{
    for (SpanEvent& e : span.events) {
        if (e.name != kDetailsEvent)
            continue;
        for (std::string_view key : {kInputMessages, kOutputMessages, kSystemInstructions})
            if (auto it = e.attributes.find(key); it != e.attributes.end() && !span.attr(key)) {
                span.attributes.emplace(std::string(key), std::move(it->second));
                e.attributes.erase(it);
            }
    }
    std::erase_if(span.events,
                  [](const SpanEvent& e) { return e.name == kDetailsEvent && e.attributes.empty(); });
}

// One deprecated per-message event as an OpenAI-shaped message; null when it is none, or when
// it carries no content (capture was off, or it is another tool's event of the same name).
json eventMessage(const SpanEvent& e)
{
    const bool content = e.attributes.contains("content") || e.attributes.contains("message") ||
                         e.attributes.contains("tool_calls");
    if (!content)
        return nullptr;
    static constexpr std::pair<std::string_view, const char*> kRoles[] = {
        {"gen_ai.system.message", "system"},
        {"gen_ai.user.message", "user"},
        {"gen_ai.assistant.message", "assistant"},
        {"gen_ai.tool.message", "tool"}};
    for (const auto& [name, role] : kRoles) {
        if (e.name != name)
            continue;
        json m = {{"role", role}, {"content", eventText(e, "content")}};
        if (const json calls = parsed(eventText(e, "tool_calls")); calls.is_array())
            m["tool_calls"] = calls;
        if (const std::string id = eventText(e, "id"); !id.empty())
            m["tool_call_id"] = id;
        return m;
    }
    if (e.name == "gen_ai.choice") {
        const json message = parsed(eventText(e, "message"));
        return message.is_object() ? message
                                   : json{{"role", "assistant"}, {"content", eventText(e, "content")}};
    }
    return nullptr;
}

// The deprecated events: gen_ai.content.prompt/completion, and one event per message.
void fromDeprecatedEvents(Span& span)
{
    json inputs = json::array();
    json outputs = json::array();
    for (const SpanEvent& e : span.events) {
        if (e.name == "gen_ai.content.prompt" || e.name == "gen_ai.content.completion")
            continue;
        if (json m = eventMessage(e); !m.is_null())
            (e.name == "gen_ai.choice" ? outputs : inputs).push_back(std::move(m));
    }
    std::vector<std::string_view> read;
    for (const SpanEvent& e : span.events)
        if (e.name == "gen_ai.content.prompt" && !span.attr(kInputMessages) &&
            setMessages(span, kInputMessages, parsed(eventText(e, "gen_ai.prompt")), false))
            read.push_back("gen_ai.content.prompt");
        else if (e.name == "gen_ai.content.completion" && !span.attr(kOutputMessages) &&
                 setMessages(span, kOutputMessages, parsed(eventText(e, "gen_ai.completion")), true))
            read.push_back("gen_ai.content.completion");
    if (!inputs.empty() && !span.attr(kInputMessages) && setMessages(span, kInputMessages, inputs, false))
        read.insert(read.end(), {"gen_ai.system.message", "gen_ai.user.message", "gen_ai.assistant.message",
                                 "gen_ai.tool.message"});
    if (!outputs.empty() && !span.attr(kOutputMessages) && setMessages(span, kOutputMessages, outputs, true))
        read.push_back("gen_ai.choice");
    std::erase_if(span.events, [&](const SpanEvent& e) {
        return std::find(read.begin(), read.end(), e.name) != read.end();
    });
}

} // namespace

void readSpanMessages(Span& span)
{
    if (!span.events.empty()) {
        fromDetailsEvent(span);
        fromDeprecatedEvents(span);
    }
    fromFlat(span, "llm.input_messages", kInputMessages, false);
    fromFlat(span, "llm.output_messages", kOutputMessages, true);
    fromFlat(span, "gen_ai.prompt", kInputMessages, false);
    fromFlat(span, "gen_ai.completion", kOutputMessages, true);
    fromJsonText(span, "gen_ai.prompt", kInputMessages, false);
    fromJsonText(span, "gen_ai.completion", kOutputMessages, true);
    fromOpenInferenceValues(span);
    systemInstructions(span);
}

} // namespace ts::import
