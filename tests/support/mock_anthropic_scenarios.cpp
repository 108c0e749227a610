#include "mock_anthropic_scenarios.h"

#include "mock_anthropic_events.h"
#include "test_env.h"

#include <algorithm>

namespace ts::test::anthropic_mock {

using nlohmann::json;

namespace {

constexpr std::string_view kEventStream = "text/event-stream; charset=utf-8";
constexpr std::string_view kReplayPrefix = "claude-replay:";
constexpr std::string_view kRawReplayPrefix = "claude-replay-raw:";
constexpr int kMaxCacheBreakpoints = 4;

std::vector<Header> okHeaders()
{
    return {{"request-id", std::string(kRequestId)}, {"anthropic-organization-id", "org-mock"}};
}

Reply invalid(std::string_view message) { return errorReply(400, "invalid_request_error", message); }

int breakpointsIn(const json& blocks)
{
    if (!blocks.is_array())
        return 0;
    return static_cast<int>(std::count_if(blocks.begin(), blocks.end(), [](const json& b) {
        return b.is_object() && b.contains("cache_control");
    }));
}

int breakpoints(const json& request)
{
    int n = breakpointsIn(request.value("system", json())) + breakpointsIn(request.value("tools", json()));
    for (const json& m : request["messages"])
        n += breakpointsIn(m.value("content", json()));
    return n;
}

// Roles must be user or assistant and alternate; system goes top-level.
std::optional<Reply> roleRejection(const json& messages)
{
    std::string previous;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const std::string role = messages[i].is_object() ? messages[i].value("role", "") : "";
        if (role != "user" && role != "assistant")
            return invalid("messages." + std::to_string(i) + ".role: Input should be 'user' or 'assistant'");
        if (role == previous)
            return invalid("messages: roles must alternate between \"user\" and \"assistant\", "
                           "but found multiple \"" + role + "\" roles in a row");
        previous = role;
    }
    return std::nullopt;
}

Reply stream(std::vector<std::string> events, std::chrono::milliseconds delay = {})
{
    Reply reply{.headers = okHeaders(), .contentType = std::string(kEventStream)};
    for (std::string& event : events)
        reply.pieces.push_back({std::move(event), delay});
    return reply;
}

std::vector<std::string> dripPieces()
{
    std::vector<std::string> pieces;
    for (int i = 0; i < kDripPieces; ++i)
        pieces.push_back("w" + std::to_string(i) + " ");
    return pieces;
}

// The first `keep` text pieces, then something other than the rest.
Reply cutShort(const std::string& model, std::size_t keep, Reply::End end)
{
    const std::vector<std::string> pieces{kTextPieces.begin(), kTextPieces.begin() + static_cast<long>(keep)};
    Reply reply = stream(textEvents(model, pieces, false));
    reply.end = end;
    return reply;
}

Reply withTruncatedEvent(const std::string& model)
{
    std::vector<std::string> events = textEvents(model, kTextPieces, true);
    const std::string full = events.at(5); // message_start, block start, ping, two deltas, then this one
    events[5] = full.substr(0, full.find("text_delta") + 7) + "\n\n";
    return stream(std::move(events));
}

Reply replay(const std::string& name, bool closeLastEvent)
{
    std::string recording = readFile(dataDir() + "/anthropic/" + name + ".txt");
    if (closeLastEvent)
        while (!recording.ends_with("\n\n"))
            recording += '\n';
    std::vector<std::string> events;
    for (std::size_t at = 0; at < recording.size();) {
        const std::size_t end = std::min(recording.find("\n\n", at), recording.size() - 2) + 2;
        events.push_back(recording.substr(at, end - at));
        at = end;
    }
    return stream(std::move(events));
}

Reply rateLimited()
{
    return errorReply(429, "rate_limit_error",
                      "This request would exceed your organization's rate limit of 50 requests per minute. "
                      "Please try again later.",
                      {{"retry-after", std::to_string(kRetryAfterSeconds)},
                       {"anthropic-ratelimit-requests-limit", "50"},
                       {"anthropic-ratelimit-requests-remaining", "0"},
                       {"anthropic-ratelimit-requests-reset", "2026-08-21T12:00:03Z"},
                       {"anthropic-ratelimit-input-tokens-limit", "30000"},
                       {"anthropic-ratelimit-input-tokens-remaining", "28000"},
                       {"anthropic-ratelimit-input-tokens-reset", "2026-08-21T12:00:01Z"},
                       {"anthropic-ratelimit-output-tokens-limit", "8000"},
                       {"anthropic-ratelimit-output-tokens-remaining", "8000"},
                       {"anthropic-ratelimit-output-tokens-reset", "2026-08-21T12:00:00Z"}});
}

Reply whole(const std::string& model, bool thinking)
{
    return {.headers = okHeaders(), .body = message(model, thinking).dump()};
}

} // namespace

Reply errorReply(int status, std::string_view type, std::string_view message, std::vector<Header> headers)
{
    headers.emplace_back("request-id", std::string(kRequestId));
    const json body{
        {"type", "error"}, {"error", {{"type", type}, {"message", message}}}, {"request_id", kRequestId}};
    return {.status = status, .headers = std::move(headers), .body = body.dump()};
}

std::optional<Reply> rejection(const json& request)
{
    if (!request.is_object())
        return invalid("There was an issue with your request body: it is not valid JSON");
    if (!request.contains("model") || !request["model"].is_string())
        return invalid("model: Field required");
    if (!request.contains("max_tokens") || !request["max_tokens"].is_number_integer())
        return invalid("max_tokens: Field required");
    if (!request.contains("messages") || !request["messages"].is_array() || request["messages"].empty())
        return invalid("messages: at least one message is required");
    if (request.contains("stream") && !request["stream"].is_boolean())
        return invalid("stream: Input should be a valid boolean");
    if (auto roles = roleRejection(request["messages"]))
        return roles;
    if (const int n = breakpoints(request); n > kMaxCacheBreakpoints)
        return invalid("A maximum of 4 blocks with cache_control may be provided. Found " + std::to_string(n) +
                       ".");
    return std::nullopt;
}

Reply replyFor(const json& request, const Options& options)
{
    const std::string model = request.value("model", "");
    const bool streamed = request.value("stream", false);
    if (model == "claude-rate-limited")
        return rateLimited();
    if (model == "claude-overloaded")
        return errorReply(529, "overloaded_error", "Overloaded", {{"retry-after", "2"}});
    if (model == "claude-too-long")
        return invalid("prompt is too long: 215443 tokens > 200000 maximum");
    if (model.starts_with(kReplayPrefix))
        return replay(model.substr(kReplayPrefix.size()), true);
    if (model.starts_with(kRawReplayPrefix))
        return replay(model.substr(kRawReplayPrefix.size()), false);
    if (!model.starts_with("claude"))
        return errorReply(404, "not_found_error", "model: " + model);
    if (!streamed || model == "claude-ignores-stream")
        return whole(model, model == "claude-thinking");
    if (model == "claude-thinking")
        return stream(thinkingEvents(model));
    if (model == "claude-drip")
        return stream(textEvents(model, dripPieces(), true), options.dripDelay);
    if (model == "claude-error-in-stream") {
        Reply reply = cutShort(model, 2, Reply::End::Complete);
        reply.pieces.push_back({overloadedEvent()});
        return reply;
    }
    if (model == "claude-truncated-json")
        return withTruncatedEvent(model);
    if (model == "claude-disconnect")
        return cutShort(model, 3, Reply::End::Cut);
    if (model == "claude-stall")
        return cutShort(model, 2, Reply::End::Stall);
    return stream(textEvents(model, kTextPieces, true));
}

} // namespace ts::test::anthropic_mock
