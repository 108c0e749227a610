#pragma once
#include "mock_openai_server.h" // RecordedRequest

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace ts::test {

// A real HTTP server on 127.0.0.1 that speaks Anthropic's wire format for
// POST /v1/messages/count_tokens (shared/reference/formats.md §2.7): x-api-key and
// anthropic-version checked, errors in Anthropic's envelope {"type":"error","error":{type,message}}.
// Models: any "claude-*" is counted; "claude-overloaded" answers 529; others 404 not_found_error.
class MockAnthropicServer
{
public:
    explicit MockAnthropicServer(std::string apiKey);
    ~MockAnthropicServer();
    MockAnthropicServer(const MockAnthropicServer&) = delete;
    MockAnthropicServer& operator=(const MockAnthropicServer&) = delete;

    std::string baseUrl() const; // http://127.0.0.1:PORT (no /v1: Anthropic clients add it)
    RecordedRequest lastRequest() const;

    // The count this server answers for a body: a stand-in tokenizer (one token per 4 bytes of
    // text, rounded up, plus 3 per message and 1 for a system prompt), so tests can predict it.
    static std::int64_t countFor(const nlohmann::json& body);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace ts::test
