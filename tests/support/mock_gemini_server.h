#pragma once
#include "mock_openai_server.h" // RecordedRequest

#include <chrono>
#include <memory>
#include <string>

namespace ts::test {

// A real HTTP server on 127.0.0.1 (ephemeral port, own thread) that speaks the Gemini API:
// POST /v1beta/models/{model}:streamGenerateContent?alt=sse and :generateContent, the key checked in
// x-goog-api-key (or ?key=), errors in Google's envelope {"error": {code, message, status, details}}.
// The model in the path picks the scenario (mock_gemini_scenarios.h); without alt=sse a stream is
// refused (a client here always asks for SSE). GET /v1beta/models lists models, paged
// (mock_model_lists.h). A gemini-3* model also refuses a function call step sent back without its
// thoughtSignature, as Gemini 3 does. It remembers the last request so tests can check what a client
// sent.
class MockGeminiServer
{
  public:
    explicit MockGeminiServer(std::string apiKey);
    ~MockGeminiServer(); // stops the server; a stalled or dripping reply ends at once
    MockGeminiServer(const MockGeminiServer&) = delete;
    MockGeminiServer& operator=(const MockGeminiServer&) = delete;

    std::string baseUrl() const; // http://127.0.0.1:PORT (no /v1beta: clients add it)
    void setDripDelay(std::chrono::milliseconds delay);
    void setListingMode(listing_mock::Mode mode); // how GET /v1beta/models answers
    RecordedRequest lastRequest() const; // path as sent, query string included
    std::string lastModel() const;       // the model named in the last request's path
    int requestCount() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace ts::test
