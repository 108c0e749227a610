#pragma once
#include "model/message.h"
#include "model/span.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

// One LangSmith run (a span: llm, chain, tool, retriever, prompt, parser, embedding, ...) read
// into a Tokenscope span.
namespace ts::import {

struct LangSmithRun
{
    std::string id;             // the run's own id
    std::string traceSource;    // its trace's id: the root run's id
    Span span;                  // ids set; parentSpanId empty for the root run
    std::vector<Message> input; // the conversation, when the run's inputs and outputs read as one
    std::vector<Message> output;
    bool modelCall = false;
};

// Where a run sits when the file nests it in its parent's child_runs, for runs that leave
// trace_id or parent_run_id out.
struct RunPlace
{
    std::string traceSource;
    std::string parentId;
};

// Reads one run; "" or why not.
std::string readLangSmithRun(const nlohmann::json& run, const RunPlace& place, LangSmithRun& out);

} // namespace ts::import
