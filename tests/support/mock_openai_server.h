#pragma once
#include "mock_http.h"
#include "mock_model_lists.h"

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ts::test {

// A real HTTP server on 127.0.0.1 (ephemeral port, own thread) that speaks OpenAI's wire formats:
// POST /v1/chat/completions (and Azure's deployment paths), POST /v1/responses, POST /v1/embeddings
// and GET /v1/models (mock_model_lists.h).
// The request's model picks the scenario (mock_openai_scenarios.h, mock_openai_responses.h,
// mock_openai_embeddings.h).
// It remembers the last request so tests can check what a client sent.
class MockOpenAIServer
{
  public:
    MockOpenAIServer();
    ~MockOpenAIServer(); // stops the server; a stalled or dripping reply ends at once
    MockOpenAIServer(const MockOpenAIServer&) = delete;
    MockOpenAIServer& operator=(const MockOpenAIServer&) = delete;

    int port() const;
    std::string baseUrl() const; // http://127.0.0.1:PORT/v1

    void setApiKey(std::string key); // when set, requests need "Authorization: Bearer KEY"
    void setDripDelay(std::chrono::milliseconds delay);
    void setListingMode(listing_mock::Mode mode); // how GET /v1/models answers

    RecordedRequest lastRequest() const;
    int requestCount() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace ts::test
