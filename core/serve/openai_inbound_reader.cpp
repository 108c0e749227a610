#include "serve/openai_inbound_reader.h"

#include "model/json_reader.h"

#include <limits>

namespace ts::serve {

namespace {

using Type = JsonReader::Type;

// A member the full reading takes only when it is a string (tool_call_id, name, user): else "".
bool readOptionalText(JsonReader& r, std::string& out)
{
    if (r.peek() != Type::String) {
        out.clear();
        return r.skip();
    }
    return r.string(out);
}

// A member the full reading converts with get<>(): null leaves it unset, another type is an error.
bool readOptionalNumber(JsonReader& r, std::optional<double>& out)
{
    out.reset();
    if (r.null())
        return true;
    double value = 0;
    if (r.peek() != Type::Number || !r.number(value))
        return false;
    out = value;
    return true;
}

bool readOptionalInteger(JsonReader& r, std::optional<std::int64_t>& out, std::int64_t low, std::int64_t high)
{
    out.reset();
    if (r.null())
        return true;
    std::int64_t value = 0;
    if (r.peek() != Type::Number || !r.integer(value) || value < low || value > high)
        return false;
    out = value;
    return true;
}

// A message with string (or no) content: parts, tool calls and unknown roles are the full reading's.
bool readMessage(JsonReader& r, Message& message)
{
    bool hasRole = false;
    return r.peek() == Type::Object && r.object([&](std::string_view key) {
        if (key == "role") {
            std::string role;
            if (r.peek() != Type::String || !r.string(role))
                return false;
            const std::optional<Role> parsed = roleFromString(role); // "developer" is System there too
            hasRole = parsed.has_value();
            message.role = parsed.value_or(Role::User);
            return hasRole;
        }
        if (key == "content") {
            message.content.clear();
            if (r.peek() == Type::String)
                return r.string(message.content);
            return r.peek() != Type::Array && r.skip();
        }
        if (key == "tool_calls" || key == "tool_call_id" || key == "name") {
            if (key == "tool_calls")
                return r.null();
            return readOptionalText(r, key == "name" ? message.name : message.toolCallId);
        }
        return r.skip();
    }) && hasRole;
}

bool readMessages(JsonReader& r, std::vector<Message>& messages)
{
    messages.clear();
    return r.peek() == Type::Array && r.array([&] { return readMessage(r, messages.emplace_back()); }) &&
           !messages.empty();
}

// The members of a request body; what is only checked or combined afterwards lands in `seen`.
struct Seen
{
    bool model = false, messages = false;
    std::optional<std::int64_t> maxTokens, maxCompletionTokens;
};

bool readMember(JsonReader& r, std::string_view key, InboundChat& in, Seen& seen)
{
    ChatRequest& q = in.request;
    constexpr std::int64_t kIntMin = std::numeric_limits<int>::min(), kIntMax = std::numeric_limits<int>::max();
    if (key == "model")
        return (seen.model = r.peek() == Type::String && r.string(q.model) && !q.model.empty());
    if (key == "messages")
        return (seen.messages = readMessages(r, q.messages));
    if (key == "temperature")
        return readOptionalNumber(r, q.temperature);
    if (key == "top_p")
        return readOptionalNumber(r, q.topP);
    if (key == "max_tokens")
        return readOptionalInteger(r, seen.maxTokens, kIntMin, kIntMax);
    if (key == "max_completion_tokens")
        return readOptionalInteger(r, seen.maxCompletionTokens, kIntMin, kIntMax);
    if (key == "seed")
        return readOptionalInteger(r, q.seed, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max());
    if (key == "stream")
        return r.boolean(q.stream);
    if (key == "stream_options") {
        in.includeUsage = false;
        if (r.peek() != Type::Object)
            return r.skip();
        return r.object([&](std::string_view option) {
            return option == "include_usage" ? r.boolean(in.includeUsage) : r.skip();
        });
    }
    if (key == "user")
        return readOptionalText(r, q.meta.user);
    if (key == "n") {
        double n = 1;
        if (r.peek() != Type::Number)
            return r.skip();
        return r.number(n) && n == 1;
    }
    if (key == "tools" || key == "response_format")
        return r.peek() != Type::Array && r.peek() != Type::Object && r.skip();
    return r.skip();
}

} // namespace

std::optional<InboundChat> readCommonOpenAIChat(std::string_view body)
{
    InboundChat in;
    in.request.stream = false;
    Seen seen;
    JsonReader r(body);
    const bool read = r.peek() == Type::Object &&
                      r.object([&](std::string_view key) { return readMember(r, key, in, seen); });
    if (!read || !r.end() || !seen.model || !seen.messages)
        return std::nullopt;
    // max_completion_tokens wins over the older max_tokens, wherever each stands in the body.
    if (const auto& tokens = seen.maxCompletionTokens ? seen.maxCompletionTokens : seen.maxTokens)
        in.request.maxTokens = static_cast<int>(*tokens);
    return in;
}

} // namespace ts::serve
