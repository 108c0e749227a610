#pragma once
#include "mock_openai_scenarios.h" // Reply and Piece: the reply shape every mock server writes

#include <string>
#include <string_view>

// The model lists the mock servers answer, in each API's exact shape:
//   OpenAI    GET /v1/models       {"object":"list","data":[{id, object, created, owned_by}]}, one page
//   Anthropic GET /v1/models       {"data":[{type, id, display_name, created_at}], has_more, first_id, last_id},
//                                  paged by limit / after_id
//   Gemini    GET /v1beta/models   {"models":[{name, displayName, supportedGenerationMethods, ...}], nextPageToken},
//                                  paged by pageSize / pageToken; one model only answers questions (aqa)
//   Ollama    GET /api/tags        {"models":[{name, model, modified_at, size, digest, details}]}
// Paged lists never hand out more than kPageSize models a page, whatever the client asks, so a
// client's paging is always exercised.
namespace ts::test::listing_mock {

using mock::Reply;

inline constexpr int kPageSize = 2;
inline constexpr int kOpenAIModels = 4;
inline constexpr int kAnthropicModels = 5;
inline constexpr int kGeminiModels = 3; // that generate or embed content; a fourth (aqa) does neither
inline constexpr int kOllamaModels = 2;

// How a server answers a list request.
enum class Mode {
    Normal,
    Slow,    // the status line, a few bytes, then silence until the server stops
    Garbled, // a 200 whose body is cut off mid-JSON
};

Reply slow();
Reply garbled();
Reply inMode(Mode mode, Reply normal); // normal, or what the mode answers instead

Reply openaiList();
// OpenAI's envelope for a wrong key; this one echoes the key it got in full (OpenAI masks it, some
// compatible gateways do not), so tests can check that a client never repeats it.
Reply openaiUnauthorized(std::string_view presentedKey);
Reply anthropicList(int limit, std::string_view afterId);
Reply geminiList(int pageSize, std::string_view pageToken);
Reply ollamaList();
Reply ollamaUnauthorized(); // Ollama's cloud, or a proxy in front of a local server: {"error":"unauthorized"}

} // namespace ts::test::listing_mock
