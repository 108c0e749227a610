#pragma once
#include "model/message.h"
#include "model/span.h"
#include "model/trace_facts.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ts {

using Header = std::pair<std::string, std::string>;

// The raw wire exchange of one model call: what was sent, each chunk as it arrived, what came back.
// Secrets (Authorization, api keys) are never stored: headers carry "<redacted>" instead.
struct Exchange
{
    struct Chunk
    {
        Nanos at = 0; // arrival time
        std::string data;
        bool operator==(const Chunk&) const = default;
    };
    std::string spanId; // the llm.call span it belongs to
    std::string method = "POST";
    std::string url;
    std::vector<Header> requestHeaders;
    std::string requestBody;
    int httpStatus = 0;
    std::vector<Header> responseHeaders;
    std::vector<Chunk> chunks;
    std::string responseBody; // non-streamed body, or the error body

    bool operator==(const Exchange&) const = default;
};

// One row of the traces table: what a list needs without loading spans.
struct TraceSummary
{
    std::int64_t rowId = 0; // store row id; 0 until stored
    std::string traceId;
    std::string name;
    Nanos start = 0;
    double durationMs = 0;
    std::string model;
    std::string provider;
    std::string status = "ok"; // ok, error, cancelled
    std::string error;
    std::int64_t inputTokens = 0;
    std::int64_t outputTokens = 0;
    std::int64_t cacheReadTokens = 0;
    std::int64_t reasoningTokens = 0;
    double costUsd = 0;
    std::optional<double> ttftMs;
    std::string source;
    bool simulated = false;
    std::string user;
    std::string session;
    std::string tags; // comma-separated
    int spanCount = 0;
    std::string preview; // the start of the last user message
    TraceFacts facts;    // route, cache hit, refusal, guard findings, where the time went

    bool operator==(const TraceSummary&) const = default;
};

struct Trace
{
    std::string traceId;
    std::vector<Span> spans;
    std::vector<Message> input; // conversation sent (after input guards)
    std::vector<Message> output;
    std::vector<Exchange> exchanges;
    TraceSummary summary;

    const Span* root() const;
    const Span* findSpan(std::string_view spanId) const;
};

// Fills trace.summary from its spans and messages (the root span's attributes and llm.call spans).
void summarize(Trace& trace);

} // namespace ts
