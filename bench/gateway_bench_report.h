#pragma once
#include "gateway_bench_load.h"

#include <string>

namespace ts::bench {

// One path's figures, merged over the interleaved rounds.
struct PathRun
{
    std::string name;
    int connections = 1;
    LoadResult result;
};

void printHeader();
void printRow(PathRun& run); // sorts run.result's latencies

// "PASS"/"FAIL" line for a target: measured against limit, lower or higher being better.
void printVerdict(const std::string& what, double measured, const std::string& unit, double limit, bool atMost);

double loadAverage(); // the 1-minute load average, or -1

} // namespace ts::bench
