#pragma once
#include "mock_openai_scenarios.h" // Reply: the reply shape every mock server writes

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// What the mock OpenAI server answers to POST /v1/embeddings (CreateEmbeddingRequest → Response). The
// request's model picks the scenario:
//   text-embedding-3-small, text-embedding-ada-002  1536 dimensions; text-embedding-3-large 3072;
//   mock-embed-N              N dimensions; `dimensions` in the request shortens -3 and mock models
//   mock-embed-reversed       8 dimensions, data[] in reverse order (each item keeps its index)
//   mock-embed-short          one embedding fewer than inputs
//   mock-embed-429            429 rate_limit_exceeded with retry-after 2
//   mock-embed-500            500 server_error
//   any other model           404 model_not_found
// An empty input, or an empty string in it: 400 invalid_request_error. usage.prompt_tokens is
// tokensFor(texts); each vector is vectorFor(text, dimensions).
namespace ts::test::embeddings_mock {

using mock::Reply;

inline constexpr int kReversedDimensions = 8;

// A deterministic unit vector for a text: the same text always gets the same vector.
std::vector<float> vectorFor(std::string_view text, int dimensions);
std::int64_t tokensFor(const std::vector<std::string>& texts); // one per 4 bytes, rounded up

Reply replyFor(const nlohmann::json& request);

} // namespace ts::test::embeddings_mock
