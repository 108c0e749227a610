#pragma once
#include "mock_openai_scenarios.h" // Reply and Piece: the reply shape every mock server writes

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What the mock Ollama server answers (shared/reference/formats.md §3.1 and §8 item 4; payloads shaped
// as in shared/reference/specs/ollama-api.md). POST /api/chat: the request's model picks the scenario:
//   any other name (llama3.2, llava...)  NDJSON text stream of kTextPieces; the done:true line carries
//                                 done_reason "stop", both counts and all four durations (ns)
//   llama-drip                    kDripPieces text lines, one per drip delay
//   llama-thinking                message.thinking lines (kThinkingPieces), then the text
//   llama-sparse                  only what must be there: no created_at, no metrics, no done_reason;
//                                 the last text piece rides on the done:true line itself
//   llama-length                  the text, then done_reason "length"
//   llama-tools                   replay of tests/data/ollama/tool_calls.ndjson
//   llama-replay:NAME             replay of tests/data/ollama/NAME.ndjson, one line per write
//   llama-error-in-stream         two text lines, then {"error":kRunnerError} in the 200 stream
//   llama-truncated-json          two text lines, then a line whose JSON is cut short, then the rest
//   llama-disconnect              three text lines, then the connection is dropped
//   llama-stall                   two text lines, then silence until the server stops
//   llama-no-done                 every text line but no done:true line, then a clean close
//   llama-busy                    503 "server busy, please try again.  maximum pending requests exceeded"
//   llama-rate-limited            429 with Retry-After: 2
//   llama-crash                   500 "llama runner process has terminated: exit status 2"
//   missing-*                     404 model "NAME" not found, try pulling it first
// Text scenarios answer a request with "stream": false with one JSON object, done:true.
// POST /api/embed: {"model","input": text or [texts]} answers one embeddingFor(text) per input;
// missing-* and llama-busy fail as above.
namespace ts::test::ollama_mock {

using mock::Piece;
using mock::Reply;

inline const std::vector<std::string> kTextPieces{"Hello", ",",  " world", "!", " How",
                                                  " can",  " I", " help",  "?"};
inline constexpr std::string_view kText = "Hello, world! How can I help?";
inline const std::vector<std::string> kThinkingPieces{"The user says hello.",
                                                      " A short greeting back will do."};
// The final line of ollama-api.md's streaming chat example.
inline constexpr std::int64_t kPromptEvalCount = 26;
inline constexpr std::int64_t kEvalCount = 282;
inline constexpr std::int64_t kTotalDurationNs = 4883583458;
inline constexpr std::int64_t kLoadDurationNs = 1334875;
inline constexpr std::int64_t kPromptEvalDurationNs = 342546000;
inline constexpr std::int64_t kEvalDurationNs = 4535599000;
inline constexpr int kDripPieces = 100;
inline constexpr std::string_view kRunnerError = "an error was encountered while running the model";
inline constexpr std::string_view kBusy = "server busy, please try again.  maximum pending requests exceeded";

struct Options
{
    std::chrono::milliseconds dripDelay{20};
};

// The checks Ollama makes before it looks at the model (400 {"error": ...}).
std::optional<Reply> rejection(const nlohmann::json& request);
Reply chatReply(const nlohmann::json& request, const Options& options);
Reply embedReply(const nlohmann::json& request);
Reply errorReply(int status, std::string_view message, std::vector<Header> headers = {});

// The vector the mock answers for a text: 4 numbers derived from its bytes, so tests can predict it.
std::vector<float> embeddingFor(std::string_view text);
// The prompt_eval_count it answers: one token per 4 bytes of each text, rounded up.
std::int64_t embedTokens(const std::vector<std::string>& texts);

} // namespace ts::test::ollama_mock
