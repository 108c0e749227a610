#pragma once
#include "model/trace.h"

#include <optional>
#include <string>

namespace ts::test {

// A small trace (a root span and one llm.call span) whose summary is easy to predict.
struct TraceSpec
{
    std::string traceId;                     // empty: a new random id
    Nanos start = 1'767'225'600'000'000'000; // 2026-01-01T00:00Z
    double durationMs = 1000;
    std::string model = "gpt-4o-mini";
    std::string provider = "openai";
    std::int64_t inputTokens = 100;
    std::int64_t outputTokens = 20;
    double costUsd = 0.001;
    std::optional<double> ttftMs = 250; // exact in binary, so summaries compare equal
    bool error = false;
    std::string source = "test";
    std::string user;
    std::string session;
    std::string tags;
    bool simulated = false;
    std::string prompt = "hello";
    std::string answer = "hi there";
};

Trace makeTrace(const TraceSpec& spec);

// Every attribute type (string, int, double incl. 2.0 and non-finite, bool, string array), span
// events, input and output messages with tool calls, and an exchange whose chunks split a UTF-8
// character.
Trace richTrace();

} // namespace ts::test
