#pragma once
#include "model/cancel.h"
#include "trace/filter.h"

#include <cstdint>
#include <functional>
#include <string>

namespace ts::exporting {

class ExportRedaction;

// Which traces an export writes and how the caller follows it.
struct ExportRequest
{
    TraceFilter filter;
    // Applied to every trace before it is written; null writes the traces as stored.
    const ExportRedaction* redaction = nullptr;
    // Traces done of those selected, called on the exporting thread every page of traces and at the end.
    std::function<void(std::int64_t done, std::int64_t total)> progress;
    const CancelToken* cancel = nullptr;
};

struct ExportResult
{
    std::int64_t traces = 0; // traces written
    std::int64_t rows = 0;   // lines or table rows written
    bool cancelled = false;
    std::string error; // why the output stopped (it refused bytes); empty when it did not

    bool ok() const { return !cancelled && error.empty(); }
};

} // namespace ts::exporting
