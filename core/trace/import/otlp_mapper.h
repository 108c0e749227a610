#pragma once
#include "trace/import/record_mapper.h"

#include <cstdint>

namespace ts::import {

// OTLP/JSON traces (formats.md §5.4): an ExportTraceServiceRequest, or one ResourceSpans (what
// the framer cuts a large request into). Ids in hex or base64; each span's resource attributes
// go onto it when it has no parent. With `conventions`, other conventions' names and
// conversations are read as Tokenscope's (otlp_conventions.h); Tokenscope's own export keeps its
// attributes as they are. Either way a tokenscope.exchange event becomes one of trace.exchanges.
// A span without a valid trace and span id is left out: a record with no other span is skipped
// with that reason, else the rest of the record is read and finish() notes how many were left out.
class OtlpMapper : public RecordMapper
{
  public:
    explicit OtlpMapper(bool conventions) : conventions_(conventions) {}

    std::string map(std::string_view record, std::vector<Trace>& out) override;
    void finish(std::vector<Trace>& out, std::vector<std::string>& notes) override;

    std::int64_t rejectedSpans() const { return rejected_; }

  private:
    bool conventions_;
    std::int64_t rejected_ = 0;
};

// "otlp": any OTLP/JSON trace export; "tokenscope": one whose instrumentation scope is "tokenscope".
const ImportFormat& otlpFormat();
const ImportFormat& tokenscopeFormat();

} // namespace ts::import
