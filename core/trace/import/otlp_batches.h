#pragma once
#include "trace/import/frame_sink.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ts::import {

// Regroups the spans of an OTLP ExportTraceServiceRequest, as the framer cuts them out one by one,
// into ResourceSpans records of about kBatchBytes each:
//   {"resource":R,"scopeSpans":[{"scope":S,"spans":[span,span,...]}]}
// so a request of hundreds of megabytes streams in constant memory, and a small one costs the
// mapper no more than reading it whole. A resource or scope written after its spans (no exporter
// seen does) holds those spans back until it arrives or its object ends.
class OtlpBatches
{
  public:
    static constexpr std::size_t kBatchBytes = 256 * 1024;

    explicit OtlpBatches(FrameSink& sink) : sink_(sink) {}

    void beginResourceSpans();
    void setResource(std::string text);
    void beginScope();
    void setScope(std::string text);
    void addSpan(std::string_view text, std::int64_t line);
    void endScope();
    void endResourceSpans();
    // The record broke off or the file ended: hand on the whole spans read so far.
    void flush();

  private:
    struct Held
    {
        std::string scope;
        std::string spans;
        std::int64_t line;
    };

    void release();
    void handOn(const std::string& scope, const std::string& spans, std::int64_t line);

    FrameSink& sink_;
    std::string resource_;
    bool haveResource_ = false;
    std::string scope_;
    bool haveScope_ = false;
    std::string spans_; // span texts joined by commas
    std::int64_t spansLine_ = 0;
    std::vector<Held> held_; // waiting for their resource
    std::string record_;     // reused for each record handed on
};

} // namespace ts::import
