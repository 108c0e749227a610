#pragma once
#include <cstdint>
#include <string>

namespace bench {

struct GeneratedLog
{
    std::int64_t traces = 0;
    std::int64_t spans = 0;
    std::uint64_t bytes = 0;
};

// Writes about `spans` spans of realistic GenAI agent traces to `path` as the collector's file
// exporter would (OTLP/JSON, one ExportTraceServiceRequest of 20 traces a line): a root with the
// conversation (gen_ai.input/output.messages), two to four model calls with usage, and a tool call.
GeneratedLog writeOtlpLog(const std::string& path, std::int64_t spans, std::uint64_t seed);

} // namespace bench
