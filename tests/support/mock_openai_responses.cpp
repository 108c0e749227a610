#include "mock_openai_responses.h"

#include "mock_openai_responses_events.h"

#include <set>

namespace ts::test::responses_mock {

namespace {

constexpr std::string_view kEventStream = "text/event-stream; charset=utf-8";

std::vector<Header> okHeaders()
{
    return {{"x-request-id", "req_mockresponses0123"}, {"openai-version", "2020-10-01"},
            {"openai-processing-ms", "58"},            {"x-ratelimit-limit-requests", "500"},
            {"x-ratelimit-remaining-requests", "499"}, {"x-ratelimit-reset-requests", "120ms"}};
}

Reply errorReply(int status, std::string_view message, std::string_view type, Json code, Json param = nullptr,
                 std::vector<Header> headers = {})
{
    headers.emplace_back("x-request-id", "req_mockerror");
    const Json error{{"message", message}, {"type", type}, {"param", std::move(param)}, {"code", std::move(code)}};
    return {.status = status, .headers = std::move(headers), .body = Json{{"error", error}}.dump()};
}

Reply invalid(std::string message, Json param = nullptr)
{
    return errorReply(400, message, "invalid_request_error", nullptr, std::move(param));
}

Reply rateLimited()
{
    return errorReply(429,
                      "Rate limit reached for gpt-4o in organization org-mock on tokens per min (TPM): Limit "
                      "30000, Used 30000, Requested 1200. Please try again in 2.4s.",
                      "tokens", "rate_limit_exceeded", nullptr,
                      {{"retry-after", "3"},
                       {"retry-after-ms", std::to_string(kRetryAfterMs)},
                       {"x-ratelimit-limit-tokens", "30000"},
                       {"x-ratelimit-remaining-tokens", "0"},
                       {"x-ratelimit-reset-tokens", "2.4s"}});
}

std::optional<Reply> partRejection(const Json& part, bool assistant, const std::string& where)
{
    const std::string type = part.is_object() ? part.value("type", "") : "";
    if (assistant && type != "output_text" && type != "refusal")
        return invalid("Invalid value: '" + type + "'. Supported values are: 'output_text' and 'refusal'.", where);
    if (!assistant && type != "input_text" && type != "input_image" && type != "input_file")
        return invalid("Invalid value: '" + type + "'. Supported values are: 'input_text', 'input_image', and "
                       "'input_file'.", where);
    if (type == "input_image" && !part.contains("image_url") && !part.contains("file_id"))
        return invalid("Missing required parameter: '" + where + ".image_url'.", where + ".image_url");
    return std::nullopt;
}

std::optional<Reply> itemRejection(const Json& item, const std::string& where, std::set<std::string>& calls)
{
    const std::string type = item.is_object() ? item.value("type", "message") : "";
    if (type == "function_call") {
        if (!item.contains("call_id") || !item.contains("name") || !item.value("arguments", Json()).is_string())
            return invalid("Missing required parameter: '" + where + ".call_id'.", where + ".call_id");
        calls.insert(item["call_id"].get<std::string>());
        return std::nullopt;
    }
    if (type == "function_call_output") {
        const std::string id = item.value("call_id", "");
        if (!calls.contains(id))
            return invalid("No tool call found for function call output with call_id " + id + ".", "input");
        return std::nullopt;
    }
    const std::string role = type == "message" ? item.value("role", "") : "";
    if (role != "user" && role != "assistant" && role != "system" && role != "developer")
        return invalid("Invalid value: '" + role + "'. Supported values are: 'assistant', 'system', 'developer', "
                       "and 'user'.", where + ".role");
    const Json content = item.value("content", Json());
    if (!content.is_string() && !content.is_array())
        return invalid("Missing required parameter: '" + where + ".content'.", where + ".content");
    for (std::size_t j = 0; content.is_array() && j < content.size(); ++j)
        if (auto bad = partRejection(content[j], role == "assistant", where + ".content[" + std::to_string(j) + "]"))
            return bad;
    return std::nullopt;
}

std::optional<Reply> inputRejection(const Json& input)
{
    if (input.is_string())
        return std::nullopt;
    if (!input.is_array() || input.empty())
        return invalid("Missing required parameter: 'input'.", "input");
    std::set<std::string> calls;
    for (std::size_t i = 0; i < input.size(); ++i)
        if (auto bad = itemRejection(input[i], "input[" + std::to_string(i) + "]", calls))
            return bad;
    return std::nullopt;
}

struct Scenario
{
    Events events;
    Json final; // the Response that ends it, null when none does
};

std::vector<std::string> first(std::size_t n, const std::vector<std::string>& pieces = mock::kTextPieces)
{
    return {pieces.begin(), pieces.begin() + static_cast<long>(std::min(n, pieces.size()))};
}

std::vector<std::string> dripPieces()
{
    std::vector<std::string> pieces;
    for (int i = 0; i < mock::kDripPieces; ++i)
        pieces.push_back("w" + std::to_string(i) + " ");
    return pieces;
}

Scenario ended(const Echo& echo, Events items, std::string_view status, Json output)
{
    Json final = response(echo, status, std::move(output));
    return {wrap(echo, std::move(items), "response." + std::string(status), final), final};
}

Scenario textScenario(const Echo& echo, const std::vector<std::string>& pieces)
{
    return ended(echo, messageEvents(0, pieces), "completed", Json::array({messageItem(joined(pieces))}));
}

Scenario incomplete(const Echo& echo, std::string_view reason)
{
    const std::vector<std::string> pieces = first(kIncompleteKeep);
    Scenario s = ended(echo, messageEvents(0, pieces), "incomplete",
                       Json::array({messageItem(joined(pieces), false, "incomplete")}));
    s.final["incomplete_details"] = {{"reason", reason}};
    s.events.back()["response"] = s.final;
    return s;
}

Scenario failed(const Echo& echo)
{
    Scenario s = ended(echo, messageEvents(0, first(2), false), "failed", Json::array());
    s.final["error"] = {{"code", "server_error"}, {"message", "The model failed to generate a response."}};
    s.final["usage"] = nullptr;
    s.events.back()["response"] = s.final;
    return s;
}

// Two deltas, then an error event that ends the stream.
Scenario errorEvent(const Echo& echo, bool nested)
{
    Events events = wrap(echo, messageEvents(0, first(2), false), "", nullptr);
    if (nested)
        events.push_back({{"type", "error"},
                          {"error", {{"type", "invalid_request_error"}, {"code", "context_length_exceeded"},
                                     {"message", "Your input exceeds the context window of this model. Please "
                                                 "adjust your input and try again."},
                                     {"param", "input"}}}});
    else
        events.push_back({{"type", "error"}, {"code", "server_error"},
                          {"message", "An error occurred while processing your request. You can retry your "
                                      "request, or contact us through our help center at help.openai.com if "
                                      "the error persists."},
                          {"param", nullptr}});
    return {std::move(events), nullptr};
}

Scenario scenarioFor(const Echo& echo)
{
    const std::string& model = echo.model;
    if (model == "mock-reasoning") {
        Events items = reasoningEvents(0);
        const Events message = messageEvents(1, mock::kTextPieces);
        items.insert(items.end(), message.begin(), message.end());
        return ended(echo, std::move(items), "completed",
                     Json::array({reasoningItem(true), messageItem(mock::kText)}));
    }
    if (model == "mock-tools") {
        Events items = functionCallEvents(0, 0);
        const Events second = functionCallEvents(1, 1);
        items.insert(items.end(), second.begin(), second.end());
        return ended(echo, std::move(items), "completed", Json::array({functionCallItem(0), functionCallItem(1)}));
    }
    if (model == "mock-refusal")
        return ended(echo, messageEvents(0, kRefusalPieces, true, true), "completed",
                     Json::array({messageItem(joined(kRefusalPieces), true)}));
    if (model == "mock-incomplete" || model == "mock-content-filter")
        return incomplete(echo, model == "mock-incomplete" ? "max_output_tokens" : "content_filter");
    if (model == "mock-failed")
        return failed(echo);
    if (model == "mock-error-event" || model == "mock-error-nested")
        return errorEvent(echo, model == "mock-error-nested");
    if (model == "mock-drip")
        return textScenario(echo, dripPieces());
    if (model == "mock-disconnect" || model == "mock-stall")
        return {wrap(echo, messageEvents(0, first(model == "mock-stall" ? 2 : 3), false), "", nullptr), nullptr};
    if (model == "mock-no-terminal")
        return {wrap(echo, messageEvents(0, mock::kTextPieces), "", nullptr), nullptr};
    Scenario s = textScenario(echo, mock::kTextPieces);
    if (model == "mock-no-deltas")
        std::erase_if(s.events, [](const Json& e) { return e["type"].get<std::string>().ends_with(".delta"); });
    if (model == "mock-unknown-event") // after the second delta
        s.events.insert(s.events.begin() + 6, Json{{"type", "response.hologram.delta"}, {"item_id", kMessageId},
                                                   {"output_index", 0}, {"delta", "\u2728"}});
    return s;
}

Reply streamed(const std::string& model, const Events& events, const Options& options)
{
    Reply reply{.headers = okHeaders(), .contentType = std::string(kEventStream)};
    const auto delay = model == "mock-drip" ? options.dripDelay : std::chrono::milliseconds(0);
    for (std::string& event : framed(events))
        reply.pieces.push_back({std::move(event), delay});
    if (model == "mock-truncated-json") { // the third delta: created, in_progress, added, part, two deltas
        std::string& cut = reply.pieces.at(6).bytes;
        cut = cut.substr(0, cut.find("\"delta\"") + 7) + "\n\n";
    }
    reply.end = model == "mock-disconnect" ? Reply::End::Cut
              : model == "mock-stall"      ? Reply::End::Stall
                                           : Reply::End::Complete;
    return reply;
}

} // namespace

std::string joined(const std::vector<std::string>& pieces)
{
    std::string out;
    for (const std::string& piece : pieces)
        out += piece;
    return out;
}

std::optional<Reply> rejection(const nlohmann::json& request)
{
    if (!request.is_object())
        return invalid("We could not parse the JSON body of your request. (HINT: This likely means you aren't "
                       "using your HTTP library correctly.)");
    if (!request.contains("model") || !request["model"].is_string())
        return invalid("Missing required parameter: 'model'.", "model");
    if (request.contains("messages"))
        return invalid("Unsupported parameter: 'messages'. In the Responses API, this parameter has moved to "
                       "'input'.", "messages");
    if (request.contains("stream") && !request["stream"].is_boolean())
        return invalid("Invalid type for 'stream': expected a boolean.", "stream");
    if (const auto max = request.find("max_output_tokens"); max != request.end() && max->is_number() && *max < 16)
        return invalid("Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got " +
                           max->dump() + " instead.", "max_output_tokens");
    return inputRejection(request.value("input", nlohmann::json()));
}

Reply replyFor(const nlohmann::json& request, const Options& options)
{
    const std::string model = request.value("model", "");
    if (model == "mock-429")
        return rateLimited();
    if (model == "mock-500")
        return errorReply(500, "The server had an error while processing your request. Sorry about that!",
                          "server_error", nullptr);
    if (model == "mock-too-long")
        return errorReply(400, "Your input exceeds the context window of this model. Please adjust your input "
                          "and try again.", "invalid_request_error", "context_length_exceeded", "input");
    const Echo echo{model, Json(request)};
    Scenario scenario = scenarioFor(echo);
    if (request.value("stream", false) && model != "mock-ignores-stream")
        return streamed(model, scenario.events, options);
    if (scenario.final.is_null())
        scenario = textScenario(echo, mock::kTextPieces);
    return {.headers = okHeaders(), .body = scenario.final.dump()};
}

} // namespace ts::test::responses_mock
