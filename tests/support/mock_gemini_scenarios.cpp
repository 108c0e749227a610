#include "mock_gemini_scenarios.h"

#include "test_env.h"

#include <algorithm>

namespace ts::test::gemini_mock {

namespace {

// Keys in the order the API writes them, so replies read like the recordings.
using Json = nlohmann::ordered_json;

constexpr std::string_view kEventStream = "text/event-stream";
constexpr std::string_view kJson = "application/json; charset=UTF-8";
Json usage(std::int64_t candidates, bool final)
{
    Json out{{"promptTokenCount", kPromptTokens}, {"candidatesTokenCount", candidates}};
    out["totalTokenCount"] = kPromptTokens + candidates + (final ? kThoughtsTokens : 0);
    if (final)
        out["cachedContentTokenCount"] = kCachedTokens;
    out["promptTokensDetails"] = Json::array({{{"modality", "TEXT"}, {"tokenCount", kPromptTokens}}});
    if (final) {
        out["cacheTokensDetails"] = Json::array({{{"modality", "TEXT"}, {"tokenCount", kCachedTokens}}});
        out["thoughtsTokenCount"] = kThoughtsTokens;
    }
    return out;
}

Json safetyRatings(bool flagged)
{
    return Json::array({{{"category", "HARM_CATEGORY_HATE_SPEECH"}, {"probability", "NEGLIGIBLE"}},
                        {{"category", "HARM_CATEGORY_DANGEROUS_CONTENT"},
                         {"probability", flagged ? "HIGH" : "NEGLIGIBLE"},
                         {"blocked", flagged}},
                        {{"category", "HARM_CATEGORY_HARASSMENT"}, {"probability", "NEGLIGIBLE"}},
                        {{"category", "HARM_CATEGORY_SEXUALLY_EXPLICIT"}, {"probability", "NEGLIGIBLE"}}});
}

// One GenerateContentResponse with candidate 0 holding `parts`.
Json chunk(const std::string& model, Json parts, std::string_view finishReason, Json usageMetadata)
{
    Json candidate{{"content", {{"parts", std::move(parts)}, {"role", "model"}}}};
    if (finishReason == "SAFETY") {
        candidate = Json{{"finishReason", finishReason}, {"safetyRatings", safetyRatings(true)}};
    } else if (!finishReason.empty()) {
        candidate["finishReason"] = finishReason;
    }
    candidate["index"] = 0;
    return {{"candidates", Json::array({std::move(candidate)})},
            {"usageMetadata", std::move(usageMetadata)},
            {"modelVersion", model},
            {"responseId", kResponseId}};
}

Json blocked(const std::string& model)
{
    return {{"promptFeedback", {{"blockReason", "SAFETY"}, {"safetyRatings", safetyRatings(true)}}},
            {"usageMetadata", {{"promptTokenCount", kPromptTokens}, {"totalTokenCount", kPromptTokens}}},
            {"modelVersion", model},
            {"responseId", kResponseId}};
}

Json textPart(const std::string& text)
{
    return Json::array({{{"text", text}}});
}

std::vector<std::string> textPieces(const std::string& model)
{
    if (model != "gemini-drip")
        return kTextPieces;
    std::vector<std::string> pieces;
    for (int i = 0; i < kDripPieces; ++i)
        pieces.push_back("w" + std::to_string(i) + " ");
    return pieces;
}

std::string finishFor(const std::string& model)
{
    if (model == "gemini-max-tokens")
        return "MAX_TOKENS";
    return model == "gemini-no-finish" ? "" : "STOP";
}

std::vector<Json> streamChunks(const std::string& model)
{
    if (model == "gemini-blocked")
        return {blocked(model)};
    std::vector<Json> chunks;
    if (model == "gemini-thinking")
        for (const std::string& thought : kThoughtPieces)
            chunks.push_back(
                chunk(model, Json::array({{{"text", thought}, {"thought", true}}}), "", usage(0, false)));
    const std::vector<std::string> pieces = textPieces(model);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const bool last = i + 1 == pieces.size();
        chunks.push_back(chunk(model, textPart(pieces[i]), last ? finishFor(model) : "",
                               usage(last ? kCandidatesTokens : static_cast<std::int64_t>(i + 1), last)));
    }
    if (model == "gemini-safety") {
        chunks.resize(2);
        chunks.push_back(chunk(model, Json::array(), "SAFETY", usage(2, true)));
    }
    if (model == "gemini-disconnect" || model == "gemini-stall" || model == "gemini-error-in-stream")
        chunks.resize(model == "gemini-disconnect" ? 3 : 2);
    return chunks;
}

// The API frames each chunk as data: JSON and a CRLF blank line; there is no [DONE].
std::string event(const std::string& payload)
{
    return "data: " + payload + "\r\n\r\n";
}

Reply textStream(const std::string& model, const Options& options)
{
    Reply reply{.contentType = std::string(kEventStream)};
    const auto delay = model == "gemini-drip" ? options.dripDelay : std::chrono::milliseconds(0);
    std::vector<std::string> events;
    for (const Json& c : streamChunks(model))
        events.push_back(event(c.dump()));
    if (model == "gemini-truncated-json") {
        const std::string whole = streamChunks(model)[2].dump();
        events.insert(events.begin() + 2, event(whole.substr(0, whole.size() / 2)));
    }
    if (model == "gemini-error-in-stream")
        events.push_back(event(Json{
            {"error",
             {{"code", 500},
              {"message", "An internal error has occurred. Please retry or report in "
                          "https://developers.generativeai.google/guide/troubleshooting"},
              {"status",
               "INTERNAL"}}}}.dump()));
    for (std::string& e : events)
        reply.pieces.push_back({std::move(e), delay});
    if (model == "gemini-disconnect")
        reply.end = Reply::End::Cut;
    if (model == "gemini-stall")
        reply.end = Reply::End::Stall;
    return reply;
}

// generateContent: one response with the whole answer.
Reply whole(const std::string& model)
{
    Json body;
    if (model == "gemini-blocked") {
        body = blocked(model);
    } else {
        Json parts = textPart(std::string(kText));
        if (model == "gemini-thinking")
            parts.insert(parts.begin(),
                         Json{{"text", kThoughtPieces[0] + kThoughtPieces[1]}, {"thought", true}});
        body = chunk(model, std::move(parts), model == "gemini-safety" ? "SAFETY" : finishFor(model),
                     usage(kCandidatesTokens, true));
    }
    return {.contentType = std::string(kJson), .body = body.dump(2)};
}

// Gemini 3 calling two tools at once: the first call's part carries the step's thoughtSignature,
// a parallel call none. Streamed, each call comes in a chunk of its own.
Reply signedCalls(const std::string& model, bool stream)
{
    const Json first{{"functionCall", {{"name", "get_weather"}, {"args", {{"city", "Paris"}}}}},
                     {"thoughtSignature", kThoughtSignature}};
    const Json second{{"functionCall", {{"name", "get_weather"}, {"args", {{"city", "Tokyo"}}}}}};
    if (!stream)
        return {
            .contentType = std::string(kJson),
            .body =
                chunk(model, Json::array({first, second}), "STOP", usage(kCandidatesTokens, true)).dump(2)};
    Reply reply{.contentType = std::string(kEventStream)};
    reply.pieces.push_back({event(chunk(model, Json::array({first}), "", usage(20, false)).dump())});
    reply.pieces.push_back(
        {event(chunk(model, Json::array({second}), "STOP", usage(kCandidatesTokens, true)).dump())});
    return reply;
}

// The free tier's requests-per-day quota spent. The API still adds a RetryInfo of seconds, though
// waiting that long does not help until the day's quota resets.
Reply dailyQuota()
{
    const Json violation{
        {"quotaMetric", "generativelanguage.googleapis.com/generate_content_free_tier_requests"},
        {"quotaId", kDailyQuotaId},
        {"quotaDimensions", {{"location", "global"}, {"model", "gemini-2.5-flash"}}},
        {"quotaValue", "250"}};
    const Json details = Json::array(
        {{{"@type", "type.googleapis.com/google.rpc.QuotaFailure"}, {"violations", Json::array({violation})}},
         {{"@type", "type.googleapis.com/google.rpc.Help"},
          {"links", Json::array({{{"description", "Learn more about Gemini API quotas"},
                                  {"url", "https://ai.google.dev/gemini-api/docs/rate-limits"}}})}},
         {{"@type", "type.googleapis.com/google.rpc.RetryInfo"},
          {"retryDelay", std::to_string(kDailyRetryDelaySeconds) + "s"}}});
    const Json body{{"error",
                     {{"code", 429},
                      {"message", std::string(kDailyQuotaMessage)},
                      {"status", "RESOURCE_EXHAUSTED"},
                      {"details", details}}}};
    return {.status = 429, .contentType = std::string(kJson), .body = body.dump(2)};
}

// A recording is replayed one event per write, byte for byte.
Reply replay(const std::string& name)
{
    const std::string recording = readFile(dataDir() + "/gemini/" + name + ".sse");
    Reply reply{.contentType = std::string(kEventStream)};
    for (std::size_t at = 0; at < recording.size();) {
        const std::size_t end = std::min(recording.find("\r\n\r\n", at), recording.size() - 4) + 4;
        reply.pieces.push_back({recording.substr(at, end - at)});
        at = end;
    }
    return reply;
}

} // namespace

Reply errorReply(int status, std::string_view statusName, std::string_view message)
{
    const Json body{{"error", {{"code", status}, {"message", message}, {"status", statusName}}}};
    return {.status = status, .contentType = std::string(kJson), .body = body.dump(2)};
}

Reply recordedError(int status, const std::string& name)
{
    return {.status = status,
            .contentType = std::string(kJson),
            .body = readFile(dataDir() + "/gemini/" + name + ".json")};
}

Reply replyFor(const std::string& model, bool stream, const Options& options)
{
    if (!model.starts_with("gemini-"))
        return errorReply(404, "NOT_FOUND",
                          "models/" + model +
                              " is not found for API version v1beta, or is not supported for "
                              "generateContent. Call ListModels to see the list of available "
                              "models and their supported methods.");
    if (model == "gemini-rate-limited")
        return recordedError(429, "rate_limited");
    if (model == "gemini-daily-quota")
        return dailyQuota();
    if (model == "gemini-overloaded")
        return errorReply(503, "UNAVAILABLE", "The model is overloaded. Please try again later.");
    if (model == "gemini-too-long")
        return errorReply(
            400, "INVALID_ARGUMENT",
            "The input token count (1238917) exceeds the maximum number of tokens allowed (1048576).");
    if (model == "gemini-internal")
        return errorReply(500, "INTERNAL",
                          "An internal error has occurred. Please retry or report in "
                          "https://developers.generativeai.google/guide/troubleshooting");
    if (model == "gemini-tools")
        return replay("function_calls");
    if (model == "gemini-3-tools")
        return signedCalls(model, stream);
    if (model.starts_with("gemini-replay:"))
        return replay(model.substr(std::string_view("gemini-replay:").size()));
    return stream ? textStream(model, options) : whole(model);
}

} // namespace ts::test::gemini_mock
