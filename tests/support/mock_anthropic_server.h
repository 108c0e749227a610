#pragma once
#include "mock_openai_server.h" // RecordedRequest

#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <string>

namespace ts::test {

// A real HTTP server on 127.0.0.1 (ephemeral port, own thread) that speaks Anthropic's wire format:
// x-api-key and anthropic-version checked, errors in Anthropic's envelope
// {"type":"error","error":{type,message},"request_id"}.
//   POST /v1/messages: the request's model picks the scenario (mock_anthropic_scenarios.h).
//   GET /v1/models: the model list, paged (mock_model_lists.h).
//   POST /v1/messages/count_tokens (formats.md §2.7): any "claude-*" is counted; "claude-overloaded"
//   answers 529; others 404 not_found_error.
// It remembers the last request so tests can check what a client sent.
class MockAnthropicServer
{
public:
    explicit MockAnthropicServer(std::string apiKey);
    ~MockAnthropicServer(); // stops the server; a stalled or dripping reply ends at once
    MockAnthropicServer(const MockAnthropicServer&) = delete;
    MockAnthropicServer& operator=(const MockAnthropicServer&) = delete;

    std::string baseUrl() const; // http://127.0.0.1:PORT (no /v1: Anthropic clients add it)
    void setDripDelay(std::chrono::milliseconds delay);
    void setListingMode(listing_mock::Mode mode); // how GET /v1/models answers
    RecordedRequest lastRequest() const;
    int requestCount() const;

    // The count this server answers for a body: a stand-in tokenizer (one token per 4 bytes of
    // text, rounded up, plus 3 per message and 1 for a system prompt), so tests can predict it.
    static std::int64_t countFor(const nlohmann::json& body);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace ts::test
