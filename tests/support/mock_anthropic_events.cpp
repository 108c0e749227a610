#include "mock_anthropic_events.h"

#include "mock_anthropic_scenarios.h"

namespace ts::test::anthropic_mock {

using json = Json;

namespace {

constexpr std::string_view kSignature = "EqQBCkYIBxgCKkBmockSignatureOfTheThinkingBlock0123456789abcdef";

json cacheCreation()
{
    return {{"ephemeral_5m_input_tokens", kCacheWrite5mTokens},
            {"ephemeral_1h_input_tokens", kCacheWrite1hTokens}};
}

// message_start's usage: the input side is final, output_tokens only begun.
json startUsage()
{
    return {{"input_tokens", kInputTokens},
            {"cache_creation_input_tokens", kCacheWrite5mTokens + kCacheWrite1hTokens},
            {"cache_read_input_tokens", kCacheReadTokens},
            {"cache_creation", cacheCreation()},
            {"output_tokens", 1},
            {"service_tier", "standard"}};
}

json finalUsage(bool thinking)
{
    json usage = startUsage();
    usage["output_tokens"] = kOutputTokens;
    if (thinking)
        usage["output_tokens_details"] = {{"thinking_tokens", kThinkingTokens}};
    return usage;
}

json messageStart(const std::string& model)
{
    return {{"type", "message_start"},
            {"message",
             {{"id", kMessageId}, {"type", "message"}, {"role", "assistant"}, {"model", model},
              {"content", json::array()}, {"stop_reason", nullptr}, {"stop_sequence", nullptr},
              {"usage", startUsage()}}}};
}

json blockStart(int index, json block)
{
    return {{"type", "content_block_start"}, {"index", index}, {"content_block", std::move(block)}};
}

json blockDelta(int index, json delta)
{
    return {{"type", "content_block_delta"}, {"index", index}, {"delta", std::move(delta)}};
}

json blockStop(int index) { return {{"type", "content_block_stop"}, {"index", index}}; }

json messageDelta(json usage)
{
    return {{"type", "message_delta"},
            {"delta", {{"stop_reason", "end_turn"}, {"stop_sequence", nullptr}}},
            {"usage", std::move(usage)}};
}

// A ping may come anywhere; the API tends to send one right after the first block starts.
void appendTextBlock(std::vector<std::string>& events, int index, const std::vector<std::string>& pieces,
                     bool ping = false)
{
    events.push_back(sse(blockStart(index, {{"type", "text"}, {"text", ""}})));
    if (ping)
        events.push_back("event: ping\ndata: {\"type\": \"ping\"}\n\n");
    for (const std::string& piece : pieces)
        events.push_back(sse(blockDelta(index, {{"type", "text_delta"}, {"text", piece}})));
}

std::string thinkingText()
{
    std::string text;
    for (const std::string& piece : kThinkingPieces)
        text += piece;
    return text;
}

} // namespace

std::string sse(const json& data)
{
    return "event: " + data.at("type").get<std::string>() + "\ndata: " + data.dump() + "\n\n";
}

std::vector<std::string> textEvents(const std::string& model, const std::vector<std::string>& pieces,
                                    bool complete)
{
    std::vector<std::string> events{sse(messageStart(model))};
    appendTextBlock(events, 0, pieces, true);
    if (!complete)
        return events;
    events.push_back(sse(blockStop(0)));
    events.push_back(sse(messageDelta({{"output_tokens", kOutputTokens}})));
    events.push_back(sse({{"type", "message_stop"}}));
    return events;
}

std::vector<std::string> thinkingEvents(const std::string& model)
{
    const json thinking{{"type", "thinking"}, {"thinking", ""}, {"signature", ""}};
    std::vector<std::string> events{sse(messageStart(model)), sse(blockStart(0, thinking))};
    for (const std::string& piece : kThinkingPieces)
        events.push_back(sse(blockDelta(0, {{"type", "thinking_delta"}, {"thinking", piece}})));
    events.push_back(sse(blockDelta(0, {{"type", "signature_delta"}, {"signature", kSignature}})));
    events.push_back(sse(blockStop(0)));
    appendTextBlock(events, 1, kTextPieces);
    events.push_back(sse(blockStop(1)));
    events.push_back(sse(messageDelta(finalUsage(true))));
    events.push_back(sse({{"type", "message_stop"}}));
    return events;
}

std::string overloadedEvent()
{
    return "event: error\ndata: {\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\": "
           "\"Overloaded\"}}\n\n";
}

json message(const std::string& model, bool thinking)
{
    json content = json::array();
    if (thinking)
        content.push_back({{"type", "thinking"}, {"thinking", thinkingText()}, {"signature", kSignature}});
    content.push_back({{"type", "text"}, {"text", kText}});
    return {{"id", kMessageId},        {"type", "message"},         {"role", "assistant"},
            {"model", model},          {"content", std::move(content)}, {"stop_reason", "end_turn"},
            {"stop_sequence", nullptr}, {"usage", finalUsage(thinking)}};
}

} // namespace ts::test::anthropic_mock
