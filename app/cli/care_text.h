#pragma once
#include <cstdint>
#include <string>

namespace ts::cli {

// "1 trace ($0.001200)", "12 traces ($0.034500)": what the workspace-care verbs report.
std::string tracesAndCost(std::int64_t traces, double costUsd);
// "812 B", "40.3 MB", "1.2 GB" (decimal units).
std::string humanBytes(std::uintmax_t bytes);

} // namespace ts::cli
