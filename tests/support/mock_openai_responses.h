#pragma once
#include "mock_openai_scenarios.h" // Reply, Piece, Options: the reply shape every mock server writes

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What the mock OpenAI server answers to POST /v1/responses (shared/reference/formats.md §1.6): `event:`
// + `data:` SSE with a sequence_number on every event and no [DONE]. The request's model picks the
// scenario:
//   mock-text (or any other name)  created, in_progress, a message of kTextPieces (output_item.added,
//                             content_part.added, deltas, output_text.done, content_part.done,
//                             output_item.done), then response.completed with usage
//   mock-reasoning            a reasoning item with kReasoningPieces summary deltas, then the message
//   mock-tools                kCalls: two function calls whose arguments arrive in fragments
//   mock-refusal              a refusal part of kRefusalPieces instead of output text
//   mock-incomplete           kIncompleteKeep text deltas, then response.incomplete, max_output_tokens
//   mock-content-filter       the same, then response.incomplete, content_filter
//   mock-failed               two text deltas, then response.failed {code: server_error}
//   mock-error-event          two text deltas, then `event: error` {code, message, param} (the spec's shape)
//   mock-error-nested         two text deltas, then `event: error` {"error": {type, code, message, param}}
//   mock-unknown-event        the text stream with an event of a type from the future in the middle
//   mock-no-deltas            the text stream without its deltas: the text comes only in the .done events
//   mock-truncated-json       the text stream with the third delta's JSON cut short
//   mock-drip                 kDripPieces deltas, one per drip delay
//   mock-disconnect           three deltas, then the connection is dropped
//   mock-stall                two deltas, then silence until the server stops
//   mock-no-terminal          everything but response.completed, then a clean close
//   mock-ignores-stream       one JSON Response even when stream:true was asked
//   mock-429                  429 rate_limit_exceeded with retry-after, retry-after-ms and x-ratelimit-*
//   mock-500                  500 server_error
//   mock-too-long             400 context_length_exceeded
// Scenarios that end in a Response answer a request without stream:true with that Response.
namespace ts::test::responses_mock {

using mock::Options;
using mock::Reply;

struct MockCall
{
    std::string_view itemId;
    std::string_view callId;
    std::string_view name;
    std::vector<std::string> fragments; // the argument deltas; joined, the arguments
};

inline constexpr std::string_view kResponseId = "resp_mock67ccd2bed1ec8190b14f964abc0542670bb6";
inline constexpr std::string_view kMessageId = "msg_mock67ccd2bf17f0819081ff3bb2cf6508e60bb6";
inline constexpr std::string_view kReasoningId = "rs_mock6806bfca0b2481918a5748308061a2600d3c";
inline const std::vector<MockCall> kCalls{
    {"fc_mock67ca09c6bedc8190a7abfec07b1a1332", "call_mockunLAR8MvFNptuiZK", "get_weather",
     {"{\"", "city", "\":\"", "Paris", "\"}"}},
    {"fc_mock67ca09c6bedc8190a7abfec07b1a1333", "call_mock4XzlGBLtUe9dy3GV", "get_time",
     {"{\"timezone\":", "\"Europe/Paris\"}"}}};
inline const std::vector<std::string> kRefusalPieces{"I'm sorry,", " but I can't help with that."};
inline const std::vector<std::string> kReasoningPieces{"**Answering a greeting**\n\nThe user says hello.",
                                                       " A short greeting back will do."};
inline constexpr std::int64_t kInputTokens = 1200; // cached ones included
inline constexpr std::int64_t kCachedTokens = 1024;
inline constexpr std::int64_t kCacheWriteTokens = 64;
inline constexpr std::int64_t kOutputTokens = 300; // reasoning ones included
inline constexpr std::int64_t kReasoningTokens = 256;
inline constexpr std::size_t kIncompleteKeep = 4;
inline constexpr int kRetryAfterMs = 1500;

std::string joined(const std::vector<std::string>& pieces);

// The checks the API makes before it looks at the model (400 invalid_request_error).
std::optional<Reply> rejection(const nlohmann::json& request);
Reply replyFor(const nlohmann::json& request, const Options& options);

} // namespace ts::test::responses_mock
