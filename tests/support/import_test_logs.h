#pragma once
#include "model/trace.h"

#include <string>

namespace ts::test {

// One line of Tokenscope's OTLP export as the OTLP encoding contract describes it (typed
// attributes, the conversation as gen_ai.*.messages on the root, exchanges as tokenscope.exchange
// events), written here so the import tests stand apart from the exporter.
std::string contractOtlpLine(const Trace& trace);

// `count` traces of three spans in OTLP JSON lines, each in two pieces: its two children on one
// line, its root on the next (as a collector exports them: children end first).
std::string splitOtlpTraces(int count);

} // namespace ts::test
