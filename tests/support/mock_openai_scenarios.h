#pragma once
#include "model/trace.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// What the mock OpenAI server answers (shared/reference/formats.md §1 and §8 items 1–2). The request's
// model picks the scenario:
//   mock-usage (or any other name)  text stream; `usage: null` on every chunk but the final usage chunk
//   mock-usage-absent               the same with no usage key on the other chunks (as real recordings)
//   mock-no-usage                   no usage chunk, as a server that ignores stream_options
//   mock-crlf                       CRLF line ends and `: keep-alive` comments
//   mock-split                      every event written in 7-byte pieces, so JSON spans TCP writes
//   mock-drip                       kDripPieces pieces, one per drip delay
//   mock-disconnect                 three text pieces, then the connection is dropped
//   mock-stall                      two text pieces, then silence until the server stops
//   mock-no-done                    the whole stream but no `data: [DONE]`, then a clean close
//   mock-error-in-stream            two text pieces, then `data: {"error":{...}}` in the 200 stream
//   mock-429, mock-429-ms           rate limited: Retry-After 2 (and retry-after-ms 1500), x-ratelimit-*
//   mock-quota                      429 insufficient_quota
//   mock-500, mock-502-html         server error with an ErrorResponse, a proxy's HTML page
//   mock-tools                      replay of tests/data/openai/parallel_tool_calls.sse
//   mock-replay:NAME                replay of tests/data/openai/NAME.sse
//   mock-reported-cost:USD          text stream whose usage carries OpenRouter's "cost": USD
//   mock-litellm-cost:USD           text stream with LiteLLM's x-litellm-response-cost: USD header
// Text scenarios answer a request without stream:true with one CreateChatCompletionResponse.
namespace ts::test::mock {

inline const std::vector<std::string> kTextPieces{"Hello", ",", " world", "!", " How", " can", " I", " help", "?"};
inline constexpr std::string_view kText = "Hello, world! How can I help?";
inline constexpr std::string_view kResponseId = "chatcmpl-mock7e5ea4d12e";
inline constexpr std::string_view kModelSuffix = "-2024-08-06"; // the answering model is the request's, dated
inline constexpr std::int64_t kPromptTokens = 1200;
inline constexpr std::int64_t kCachedTokens = 1024;
inline constexpr std::int64_t kCacheWriteTokens = 64;
inline constexpr std::int64_t kCompletionTokens = 300;
inline constexpr std::int64_t kReasoningTokens = 256;
inline constexpr int kDripPieces = 100;
inline constexpr std::string_view kReportedCostPrefix = "mock-reported-cost:";
inline constexpr std::string_view kLiteLLMCostPrefix = "mock-litellm-cost:";

// One write to the socket, after a pause.
struct Piece
{
    std::string bytes;
    std::chrono::milliseconds delayBefore{0};
};

struct Reply
{
    int status = 200;
    std::vector<Header> headers;
    std::string contentType = "application/json";
    std::string body;          // sent whole when there are no pieces
    std::vector<Piece> pieces; // sent chunked, one write each
    enum class End { Complete, Cut, Stall } end = End::Complete;
};

struct Options
{
    std::chrono::milliseconds dripDelay{20};
};

Reply replyFor(const nlohmann::json& request, const Options& options);
Reply invalidRequest(std::string_view message); // 400
Reply invalidApiKey();                          // 401
Reply azureResourceNotFound();                  // 404, Azure: no api-version
Reply azureAccessDenied();                      // 401, Azure: wrong api-key

} // namespace ts::test::mock
