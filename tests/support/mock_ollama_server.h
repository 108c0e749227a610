#pragma once
#include "mock_openai_server.h" // RecordedRequest

#include <chrono>
#include <memory>
#include <string>

namespace ts::test {

// A real HTTP server on 127.0.0.1 (ephemeral port, own thread) that speaks Ollama's native API:
// POST /api/chat, POST /api/embed and GET /api/tags (mock_model_lists.h), errors as {"error": "..."}.
// The request's model picks the scenario (mock_ollama_scenarios.h). No key is checked, as a local
// Ollama checks none, unless setApiKey() puts it behind an authenticating proxy (Ollama's cloud).
// It remembers the last request so tests can check what a client sent.
class MockOllamaServer
{
  public:
    MockOllamaServer();
    ~MockOllamaServer(); // stops the server; a stalled or dripping reply ends at once
    MockOllamaServer(const MockOllamaServer&) = delete;
    MockOllamaServer& operator=(const MockOllamaServer&) = delete;

    std::string baseUrl() const; // http://127.0.0.1:PORT (no /api: clients add it)
    void setDripDelay(std::chrono::milliseconds delay);
    void setApiKey(std::string key);              // GET /api/tags then needs "Authorization: Bearer KEY"
    void setListingMode(listing_mock::Mode mode); // how GET /api/tags answers
    RecordedRequest lastRequest() const;
    int requestCount() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace ts::test
