#pragma once
#include "cache/cache_report.h"
#include "cache/threshold_tuning.h"
#include "model/cancel.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace ts {
class TraceReader;
}

namespace ts::ui::cachepanel {

// Everything the Cache panel shows, computed once on a worker and then only read.
struct CacheAnalysis
{
    ts::cache::CacheReport report;
    ts::cache::TuningResult tuning;
    std::int64_t tracesInWorkspace = 0;
    std::int64_t tracesRead = 0; // the newest ones, up to the cap
};

enum class AnalysisStage { Reading, Comparing };
using AnalysisProgress = std::function<void(AnalysisStage stage, std::size_t done, std::size_t total)>;

// Reads the newest `cap` traces through the reader (one at a time, so memory stays flat), builds the
// cache report and compares their prompts for threshold tuning. nullopt once cancelled; the token is
// checked between traces and between prompts.
std::optional<CacheAnalysis> analyzeWorkspace(TraceReader& reader, std::int64_t cap, const CancelToken& cancel,
                                              const AnalysisProgress& progress);

} // namespace ts::ui::cachepanel
