#pragma once
#include "mock_openai_scenarios.h" // Reply and Piece: the reply shape every mock server writes

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What the mock Anthropic server answers to POST /v1/messages (shared/reference/formats.md §2 and §8
// item 3). The request's model picks the scenario:
//   claude-* (any other name)   text stream of kTextPieces; usage with cache reads and 5m + 1h cache writes
//   claude-drip                 kDripPieces text deltas, one per drip delay
//   claude-thinking             a thinking block (thinking_delta ×2, signature_delta), then the text; its
//                               message_delta repeats the whole usage, cumulative, with thinking_tokens
//   claude-error-in-stream      two text deltas, then `event: error` overloaded_error in the 200 stream
//   claude-truncated-json       two text deltas, then an event whose JSON is cut short, then the rest
//   claude-disconnect           three text deltas, then the connection is dropped
//   claude-stall                two text deltas, then silence until the server stops
//   claude-ignores-stream       one JSON Message even when stream:true was asked
//   claude-rate-limited         429 rate_limit_error with retry-after and anthropic-ratelimit-* headers
//   claude-overloaded           529 overloaded_error with retry-after
//   claude-too-long             400 invalid_request_error "prompt is too long: ..."
//   claude-replay:NAME          tests/data/anthropic/NAME.txt byte for byte, its last event then closed
//   claude-replay-raw:NAME      the file exactly as stored, last event left open (the SDK's files lack
//                               the final blank line that the API sends)
// Text and thinking scenarios answer a request without stream:true with one Message. A model not
// named claude-*: 404 not_found_error.
namespace ts::test::anthropic_mock {

using mock::Piece;
using mock::Reply;

inline const std::vector<std::string> kTextPieces{"Hello", ",",  " world", "!", " How",
                                                  " can",  " I", " help",  "?"};
inline constexpr std::string_view kText = "Hello, world! How can I help?";
inline constexpr std::string_view kMessageId = "msg_01MockQ7dKx3vR8sTnW2yZbLp4";
inline constexpr std::string_view kRequestId = "req_01MockR5hTq8wXe3nV6bKc9mJd";
inline const std::vector<std::string> kThinkingPieces{"The user says hello.",
                                                      " A short greeting back will do."};
inline constexpr std::int64_t kInputTokens = 200;        // input_tokens: the uncached part
inline constexpr std::int64_t kCacheReadTokens = 1024;
inline constexpr std::int64_t kCacheWrite5mTokens = 256;
inline constexpr std::int64_t kCacheWrite1hTokens = 128;
inline constexpr std::int64_t kOutputTokens = 300;
inline constexpr std::int64_t kThinkingTokens = 120;
inline constexpr int kDripPieces = 100;
inline constexpr int kRetryAfterSeconds = 3; // the 429's; the 529 asks for 2

struct Options
{
    std::chrono::milliseconds dripDelay{20};
};

// The checks the API makes before it looks at the model (400 invalid_request_error).
std::optional<Reply> rejection(const nlohmann::json& request);
Reply replyFor(const nlohmann::json& request, const Options& options);
// Anthropic's error envelope {"type":"error","error":{type,message},"request_id"} and request-id header.
Reply errorReply(int status, std::string_view type, std::string_view message,
                 std::vector<Header> headers = {});

} // namespace ts::test::anthropic_mock
