#pragma once
#include <string>

namespace ts::bench {

// Recall, false-positive rate and precision of the injection detector at kInjectionThreshold on a
// labelled JSONL set ({"text", "injection", "lang", "kind"} per line), overall and per kind, and
// its throughput in MB/s over the set. Malformed lines are skipped and counted.
void printInjectionQuality(const std::string& labelledPath);

} // namespace ts::bench
