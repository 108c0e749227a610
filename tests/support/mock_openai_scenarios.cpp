#include "mock_openai_scenarios.h"

#include "test_env.h"

#include <algorithm>

namespace ts::test::mock {

using nlohmann::json;

namespace {

constexpr std::int64_t kCreated = 1727346182;
constexpr std::string_view kEventStream = "text/event-stream; charset=utf-8";

// How a stream's events are written to the socket.
struct Framing
{
    std::string eol = "\n";
    bool keepAlive = false;
    size_t splitEvery = 0; // 0: one write per event
    std::chrono::milliseconds delay{0};
};

std::vector<Header> okHeaders()
{
    return {{"x-request-id", "req_mock0123456789"},
            {"openai-version", "2020-10-01"},
            {"openai-processing-ms", "42"},
            {"x-ratelimit-limit-requests", "60"},
            {"x-ratelimit-limit-tokens", "150000"},
            {"x-ratelimit-remaining-requests", "59"},
            {"x-ratelimit-remaining-tokens", "149984"},
            {"x-ratelimit-reset-requests", "1s"},
            {"x-ratelimit-reset-tokens", "6m0s"}};
}

Reply errorReply(int status, json error, std::vector<Header> headers = {})
{
    headers.emplace_back("x-request-id", "req_mockerror");
    return {.status = status, .headers = std::move(headers), .body = json{{"error", std::move(error)}}.dump()};
}

json error(std::string_view message, std::string_view type, json code)
{
    return {{"message", message}, {"type", type}, {"param", nullptr}, {"code", std::move(code)}};
}

json serverError()
{
    return error("The server had an error while processing your request. Sorry about that!", "server_error", nullptr);
}

Reply rateLimited(bool withMs)
{
    std::vector<Header> headers{{"retry-after", "2"},
                                {"x-ratelimit-limit-requests", "60"},
                                {"x-ratelimit-remaining-requests", "0"},
                                {"x-ratelimit-reset-requests", "1s"},
                                {"x-ratelimit-limit-tokens", "150000"},
                                {"x-ratelimit-remaining-tokens", "149984"},
                                {"x-ratelimit-reset-tokens", "6m0s"}};
    if (withMs)
        headers.emplace_back("retry-after-ms", "1500");
    return errorReply(429,
                      error("Rate limit reached for gpt-4o-mini in organization org-mock on requests per min "
                            "(RPM): Limit 60, Used 60, Requested 1. Please try again in 1s.",
                            "requests", "rate_limit_exceeded"),
                      std::move(headers));
}

Reply quotaExceeded()
{
    return errorReply(429, error("You exceeded your current quota, please check your plan and billing details.",
                                 "insufficient_quota", "insufficient_quota"));
}

Reply badGateway()
{
    return {.status = 502,
            .contentType = "text/html",
            .body = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                    "</center></body></html>"};
}

json usageCounts();

// OpenRouter adds what the call cost to usage: mock-reported-cost:USD.
json usage(const std::string& model)
{
    json out = usageCounts();
    if (model.starts_with(kReportedCostPrefix))
        out["cost"] = std::stod(model.substr(kReportedCostPrefix.size()));
    return out;
}

json usageCounts()
{
    return {{"prompt_tokens", kPromptTokens},
            {"completion_tokens", kCompletionTokens},
            {"total_tokens", kPromptTokens + kCompletionTokens},
            {"prompt_tokens_details",
             {{"cached_tokens", kCachedTokens}, {"cache_write_tokens", kCacheWriteTokens}, {"audio_tokens", 0}}},
            {"completion_tokens_details",
             {{"reasoning_tokens", kReasoningTokens},
              {"audio_tokens", 0},
              {"accepted_prediction_tokens", 0},
              {"rejected_prediction_tokens", 0}}}};
}

json chunk(const std::string& model, json choices)
{
    return {{"id", kResponseId},         {"object", "chat.completion.chunk"}, {"created", kCreated},
            {"model", model + std::string(kModelSuffix)}, {"system_fingerprint", "fp_mock"},
            {"choices", std::move(choices)}};
}

json choice(json delta, json finishReason)
{
    return json::array(
        {{{"index", 0}, {"delta", std::move(delta)}, {"logprobs", nullptr}, {"finish_reason", std::move(finishReason)}}});
}

std::vector<std::string> dripPieces()
{
    std::vector<std::string> pieces;
    for (int i = 0; i < kDripPieces; ++i)
        pieces.push_back("w" + std::to_string(i) + " ");
    return pieces;
}

// The role chunk, then one chunk per text piece.
std::vector<json> contentChunks(const std::string& model, const std::vector<std::string>& pieces)
{
    std::vector<json> chunks{chunk(model, choice({{"role", "assistant"}, {"content", ""}, {"refusal", nullptr}}, nullptr))};
    for (const std::string& piece : pieces)
        chunks.push_back(chunk(model, choice({{"content", piece}}, nullptr)));
    return chunks;
}

bool asked(const json& request, std::string_view option, bool otherwise)
{
    const auto options = request.find("stream_options");
    if (options == request.end() || !options->is_object() || !options->contains(option))
        return otherwise;
    return options->at(option).is_boolean() && options->at(option).get<bool>();
}

// OpenAI pads chunks with a random-length `obfuscation` string unless asked not to.
void decorate(std::vector<json>& chunks, const json& request, bool usageNull)
{
    const bool obfuscate = asked(request, "include_obfuscation", true);
    for (size_t i = 0; i < chunks.size(); ++i) {
        if (usageNull)
            chunks[i]["usage"] = nullptr;
        if (obfuscate)
            chunks[i]["obfuscation"] = std::string("qX7vK2pLm9ZrT4wB").substr(0, 3 + i % 12);
    }
}

std::vector<Piece> frame(const std::vector<std::string>& payloads, const Framing& framing)
{
    std::string bytes;
    std::vector<Piece> pieces;
    for (const std::string& payload : payloads) {
        std::string event = "data: " + payload + framing.eol + framing.eol;
        if (framing.keepAlive)
            event = ": keep-alive" + framing.eol + framing.eol + event;
        if (framing.splitEvery == 0) {
            pieces.push_back({std::move(event), framing.delay});
            continue;
        }
        for (size_t at = 0; at < event.size(); at += framing.splitEvery)
            pieces.push_back({event.substr(at, framing.splitEvery), std::chrono::milliseconds(1)});
    }
    return pieces;
}

Framing framingFor(const std::string& model, const Options& options)
{
    if (model == "mock-crlf")
        return {.eol = "\r\n", .keepAlive = true};
    if (model == "mock-split")
        return {.splitEvery = 7};
    if (model == "mock-drip")
        return {.delay = options.dripDelay};
    return {};
}

std::vector<std::string> dumped(const std::vector<json>& chunks)
{
    std::vector<std::string> out;
    for (const json& c : chunks)
        out.push_back(c.dump());
    return out;
}

// The chunks a text scenario sends, [DONE] included where it has one.
std::vector<std::string> textPayloads(const std::string& model, const json& request)
{
    const bool includeUsage = asked(request, "include_usage", false);
    if (model == "mock-disconnect" || model == "mock-stall" || model == "mock-error-in-stream") {
        const size_t keep = model == "mock-disconnect" ? 3 : 2;
        std::vector<json> chunks =
            contentChunks(model, {kTextPieces.begin(), kTextPieces.begin() + static_cast<long>(keep)});
        decorate(chunks, request, includeUsage);
        std::vector<std::string> payloads = dumped(chunks);
        if (model == "mock-error-in-stream")
            payloads.push_back(json{{"error", serverError()}}.dump());
        return payloads;
    }
    std::vector<json> chunks = contentChunks(model, model == "mock-drip" ? dripPieces() : kTextPieces);
    chunks.push_back(chunk(model, choice(json::object(), "stop")));
    decorate(chunks, request, includeUsage && model != "mock-usage-absent");
    std::vector<std::string> payloads = dumped(chunks);
    if (includeUsage && model != "mock-no-usage") {
        json last = chunk(model, json::array());
        last["usage"] = usage(model);
        payloads.push_back(last.dump());
    }
    if (model != "mock-no-done")
        payloads.push_back("[DONE]");
    return payloads;
}

Reply textStream(const std::string& model, const json& request, const Options& options)
{
    Reply reply{.headers = okHeaders(), .contentType = std::string(kEventStream)};
    if (model.starts_with(kLiteLLMCostPrefix))
        reply.headers.emplace_back("x-litellm-response-cost", model.substr(kLiteLLMCostPrefix.size()));
    reply.pieces = frame(textPayloads(model, request), framingFor(model, options));
    if (model == "mock-disconnect")
        reply.end = Reply::End::Cut;
    if (model == "mock-stall")
        reply.end = Reply::End::Stall;
    return reply;
}

Reply completion(const std::string& model)
{
    const json message{{"role", "assistant"}, {"content", kText}, {"refusal", nullptr}, {"annotations", json::array()}};
    const json body{{"id", kResponseId},
                    {"object", "chat.completion"},
                    {"created", kCreated},
                    {"model", model + std::string(kModelSuffix)},
                    {"choices", json::array({{{"index", 0}, {"message", message}, {"logprobs", nullptr},
                                              {"finish_reason", "stop"}}})},
                    {"usage", usage(model)},
                    {"service_tier", "default"}};
    return {.headers = okHeaders(), .body = body.dump()};
}

// A recording is replayed one event per write, byte for byte.
Reply replay(const std::string& name)
{
    const std::string recording = readFile(dataDir() + "/openai/" + name + ".sse");
    Reply reply{.headers = okHeaders(), .contentType = std::string(kEventStream)};
    for (size_t at = 0; at < recording.size();) {
        const size_t end = std::min(recording.find("\n\n", at), recording.size() - 2) + 2;
        reply.pieces.push_back({recording.substr(at, end - at)});
        at = end;
    }
    return reply;
}

} // namespace

Reply invalidRequest(std::string_view message)
{
    return errorReply(400, error(message, "invalid_request_error", nullptr));
}

Reply invalidApiKey()
{
    return errorReply(401, error("Incorrect API key provided. You can find your API key at "
                                 "https://platform.openai.com/account/api-keys.",
                                 "invalid_request_error", "invalid_api_key"));
}

// Azure's own envelope: the code is a string.
Reply azureResourceNotFound()
{
    return errorReply(404, json{{"code", "404"}, {"message", "Resource not found"}});
}

Reply azureAccessDenied()
{
    return errorReply(401, json{{"code", "401"},
                                {"message", "Access denied due to invalid subscription key or wrong API endpoint. "
                                            "Make sure to provide a valid key for an active subscription and use a "
                                            "correct regional API endpoint for your resource."}});
}

// "mock-echo": the answer repeats the last user message, streamed 5 bytes a piece so anything in
// it (a guard's placeholder) arrives split across pieces.
std::string lastUserText(const json& request)
{
    std::string text;
    for (const json& m : request.value("messages", json::array()))
        if (m.value("role", "") == "user" && m.contains("content") && m["content"].is_string())
            text = m["content"].get<std::string>();
    return text;
}

Reply echo(const std::string& model, const json& request)
{
    const std::string text = lastUserText(request);
    if (!request.value("stream", false)) {
        json body = json::parse(completion(model).body);
        body["choices"][0]["message"]["content"] = text;
        return {.headers = okHeaders(), .body = body.dump()};
    }
    std::vector<std::string> pieces;
    for (std::size_t at = 0; at < text.size(); at += 5)
        pieces.push_back(text.substr(at, 5));
    std::vector<json> chunks = contentChunks(model, pieces);
    chunks.push_back(chunk(model, choice(json::object(), "stop")));
    std::vector<std::string> payloads = dumped(chunks);
    payloads.push_back("[DONE]");
    return {.headers = okHeaders(), .contentType = std::string(kEventStream), .pieces = frame(payloads, {})};
}

Reply replyFor(const json& request, const Options& options)
{
    const std::string model = request.value("model", "");
    if (model == "mock-echo")
        return echo(model, request);
    if (model == "mock-429" || model == "mock-429-ms")
        return rateLimited(model == "mock-429-ms");
    if (model == "mock-quota")
        return quotaExceeded();
    if (model == "mock-500")
        return errorReply(500, serverError());
    if (model == "mock-502-html")
        return badGateway();
    if (model == "mock-tools")
        return replay("parallel_tool_calls");
    if (model.starts_with("mock-replay:"))
        return replay(model.substr(std::string_view("mock-replay:").size()));
    if (!request.value("stream", false))
        return completion(model);
    return textStream(model, request, options);
}

} // namespace ts::test::mock
