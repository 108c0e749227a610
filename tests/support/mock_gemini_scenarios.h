#pragma once
#include "mock_openai_scenarios.h" // Reply and Piece: the reply shape every mock server writes

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What the mock Gemini server answers (shared/reference/formats.md §4 and §8 item 5). The model in
// the path of POST /v1beta/models/{model}:streamGenerateContent?alt=sse (or :generateContent) picks
// the scenario:
//   gemini-* (any other)       SSE text stream of kTextPieces, CRLF framed, no end marker; every chunk
//                              carries usageMetadata, the last one complete with cached and thoughts tokens
//   gemini-drip                kDripPieces text chunks, one per drip delay
//   gemini-thinking            two thought parts (thought: true), then the text
//   gemini-max-tokens          the text, finishReason MAX_TOKENS
//   gemini-safety              two text chunks, then finishReason SAFETY with safetyRatings
//   gemini-blocked             one chunk: promptFeedback.blockReason SAFETY, no candidates
//   gemini-tools               replay of tests/data/gemini/function_calls.sse
//   gemini-3-tools             two parallel functionCall parts, one chunk each, the first carrying
//                              kThoughtSignature; finishReason STOP
//   gemini-replay:NAME         replay of tests/data/gemini/NAME.sse, one event per write
//   gemini-error-in-stream     two text chunks, then data: {"error": INTERNAL} in the 200 stream
//   gemini-truncated-json      two text chunks, then one whose JSON is cut short, then the rest
//   gemini-disconnect          three text chunks, then the connection is dropped
//   gemini-stall               two text chunks, then silence until the server stops
//   gemini-no-finish           every text chunk, none with a finishReason, then a clean close
//   gemini-rate-limited        429 RESOURCE_EXHAUSTED with a RetryInfo of kRetryDelaySeconds
//                              (tests/data/gemini/rate_limited.json)
//   gemini-daily-quota         429 RESOURCE_EXHAUSTED whose QuotaFailure names kDailyQuotaId (per day),
//                              with a RetryInfo of kDailyRetryDelaySeconds all the same
//   gemini-overloaded          503 UNAVAILABLE "The model is overloaded. Please try again later."
//   gemini-too-long            400 INVALID_ARGUMENT "The input token count (...) exceeds the maximum ..."
//   gemini-internal            500 INTERNAL
// A gemini-3* model checks thought signatures as Gemini 3 does (mock_gemini_checks.h).
// Any model not named gemini-*: 404 NOT_FOUND. :generateContent answers text scenarios with one
// GenerateContentResponse. A wrong x-goog-api-key: 400 API_KEY_INVALID (tests/data/gemini/
// api_key_invalid.json); none: 403 PERMISSION_DENIED, as the API answers.
namespace ts::test::gemini_mock {

using mock::Piece;
using mock::Reply;

inline const std::vector<std::string> kTextPieces{"Hello", ",",  " world", "!", " How",
                                                  " can",  " I", " help",  "?"};
inline constexpr std::string_view kText = "Hello, world! How can I help?";
inline const std::vector<std::string> kThoughtPieces{"**Greeting the user**\n\nThe user says hello.",
                                                     " A short greeting back will do."};
inline constexpr std::string_view kResponseId = "R5sqaJaWNrPYj8MPjK2X2Q4";
inline constexpr std::int64_t kPromptTokens = 1200; // counts the cached ones
inline constexpr std::int64_t kCachedTokens = 1024;
inline constexpr std::int64_t kCandidatesTokens = 300;
inline constexpr std::int64_t kThoughtsTokens = 120;
inline constexpr int kDripPieces = 100;
inline constexpr int kRetryDelaySeconds = 43;
// Opaque to clients; the mock's Gemini 3 check accepts only this one back.
inline constexpr std::string_view kThoughtSignature =
    "CtwBAdHtim8xQ2vRk4NpZ7sLq0WfT3yJb9cUe6HaM1oXgD5iKz8VnE2rYwS4tPjA7lBmC0uFhG6dOq9eIx3";
inline constexpr std::string_view kDailyQuotaId = "GenerateRequestsPerDayPerProjectPerModel-FreeTier";
inline constexpr int kDailyRetryDelaySeconds = 22;
inline constexpr std::string_view kDailyQuotaMessage =
    "You exceeded your current quota, please check your plan and billing details. For more "
    "information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.\n"
    "* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, "
    "limit: 250, model: gemini-2.5-flash\nPlease retry in 22.48s.";

struct Options
{
    std::chrono::milliseconds dripDelay{20};
};

Reply replyFor(const std::string& model, bool stream, const Options& options);
// Google's error envelope {"error": {code, message, status}}, pretty-printed as the API writes it.
Reply errorReply(int status, std::string_view statusName, std::string_view message);
// An error body stored in tests/data/gemini/NAME.json.
Reply recordedError(int status, const std::string& name);

} // namespace ts::test::gemini_mock
