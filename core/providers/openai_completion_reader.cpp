#include "providers/openai_completion_reader.h"

#include "model/json_reader.h"

namespace ts::openai {

namespace {

using Type = JsonReader::Type;

// What the DOM reading makes of each field, as json_fields.h reads it: null and absent alike; a
// count that is not a number is 0. Strings given as numbers are left to the DOM, which prints them.
bool readText(JsonReader& r, std::string& out)
{
    if (r.null()) {
        out.clear();
        return true;
    }
    return r.peek() == Type::String && r.string(out);
}

bool readCount(JsonReader& r, std::int64_t& out)
{
    if (r.peek() == Type::Number)
        return r.integer(out);
    out = 0;
    return r.skip();
}

// A member whose value must be an object (or null, which leaves it out): true when it was null.
bool nullOrObject(JsonReader& r, bool& isNull)
{
    isNull = r.null();
    return isNull || r.peek() == Type::Object;
}

// {"name": ..., "value": ...} members, each read by `read(key)`; null: none; any other type: the DOM.
template <class Read> bool readObjectOrNull(JsonReader& r, Read&& read)
{
    bool isNull = false;
    if (!nullOrObject(r, isNull))
        return false;
    return isNull || r.object(read);
}

// A member the DOM reading looks inside only when it is an object: anything else reads as zeros.
template <class Read> bool readDetails(JsonReader& r, Read&& read)
{
    return r.peek() == Type::Object ? r.object(read) : r.skip();
}

bool readUsage(JsonReader& r, Usage& usage, std::optional<double>& cost)
{
    usage = {};
    cost.reset();
    bool isNull = false;
    if (!nullOrObject(r, isNull))
        return false;
    if (isNull)
        return true;
    usage.reported = true;
    return r.object([&](std::string_view key) {
        if (key == "prompt_tokens")
            return readCount(r, usage.inputTokens);
        if (key == "completion_tokens")
            return readCount(r, usage.outputTokens);
        if (key == "prompt_tokens_details") {
            usage.cacheReadTokens = usage.cacheWriteTokens = 0;
            return readDetails(r, [&](std::string_view detail) {
                if (detail == "cached_tokens")
                    return readCount(r, usage.cacheReadTokens);
                if (detail == "cache_write_tokens")
                    return readCount(r, usage.cacheWriteTokens);
                return r.skip();
            });
        }
        if (key == "completion_tokens_details") {
            usage.reasoningTokens = 0;
            return readDetails(r, [&](std::string_view detail) {
                return detail == "reasoning_tokens" ? readCount(r, usage.reasoningTokens) : r.skip();
            });
        }
        if (key == "cost") {
            double usd = 0;
            cost.reset();
            if (r.peek() != Type::Number)
                return r.skip();
            if (!r.number(usd))
                return false;
            if (usd >= 0)
                cost = usd;
            return true;
        }
        return r.skip();
    });
}

bool readToolCall(JsonReader& r, ToolCall& call)
{
    return r.peek() == Type::Object && r.object([&](std::string_view key) {
        if (key == "id")
            return readText(r, call.id);
        if (key != "function")
            return r.skip();
        call.name.clear();
        call.arguments.clear();
        return readObjectOrNull(r, [&](std::string_view field) {
            if (field == "name")
                return readText(r, call.name);
            return field == "arguments" ? readText(r, call.arguments) : r.skip();
        });
    });
}

struct Choice
{
    std::int64_t index = 0;
    std::string finishReason;
    std::string content;
    std::string refusal;
    std::vector<ToolCall> toolCalls;
};

bool readMessage(JsonReader& r, Choice& choice)
{
    choice.content.clear();
    choice.refusal.clear();
    choice.toolCalls.clear();
    return readObjectOrNull(r, [&](std::string_view key) {
        if (key == "content")
            return readText(r, choice.content);
        if (key == "refusal")
            return readText(r, choice.refusal);
        if (key != "tool_calls")
            return r.skip();
        choice.toolCalls.clear();
        if (r.null())
            return true;
        return r.peek() == Type::Array && r.array([&] { return readToolCall(r, choice.toolCalls.emplace_back()); });
    });
}

bool readChoice(JsonReader& r, Choice& choice)
{
    return r.peek() == Type::Object && r.object([&](std::string_view key) {
        if (key == "index")
            return readCount(r, choice.index);
        if (key == "finish_reason")
            return readText(r, choice.finishReason);
        return key == "message" ? readMessage(r, choice) : r.skip();
    });
}

// Choice 0: the first element whose index is 0 (or missing).
bool readChoices(JsonReader& r, std::optional<Choice>& chosen)
{
    chosen.reset();
    if (r.null())
        return true;
    return r.peek() == Type::Array && r.array([&] {
        Choice choice;
        if (!readChoice(r, choice))
            return false;
        if (!chosen && choice.index == 0)
            chosen = std::move(choice);
        return true;
    });
}

} // namespace

std::optional<ChatResponse> readCompletion(std::string_view body)
{
    JsonReader r(body);
    ChatResponse out;
    std::optional<Choice> chosen;
    const bool read = r.peek() == Type::Object && r.object([&](std::string_view key) {
        if (key == "id")
            return readText(r, out.id);
        if (key == "model")
            return readText(r, out.model);
        if (key == "usage")
            return readUsage(r, out.usage, out.reportedCostUsd);
        if (key == "choices")
            return readChoices(r, chosen);
        if (key == "error")
            return r.null(); // an error reply is the DOM's to read
        return r.skip();
    });
    if (!read || !r.end())
        return std::nullopt;
    if (chosen) {
        out.finishReason = std::move(chosen->finishReason);
        out.text = std::move(chosen->content) + chosen->refusal;
        out.toolCalls = std::move(chosen->toolCalls);
    }
    return out;
}

} // namespace ts::openai
