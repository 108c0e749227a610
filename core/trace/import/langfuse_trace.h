#pragma once
#include "model/message.h"
#include "model/span.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

// A Langfuse trace record: it becomes the root span its observations hang under.
namespace ts::import {

struct LangfuseTrace
{
    std::string source; // the trace's Langfuse id
    Span root;
    std::vector<Message> input; // the trace's input and output, when they read as a conversation
    std::vector<Message> output;
};

// Reads a trace record (its nested observations are left to the caller); "" or why not.
std::string readLangfuseTrace(const nlohmann::json& t, LangfuseTrace& out);

// The trace-level facts a Langfuse trace holds, and the enriched observation export repeats on
// each row: user, session, tags, release and environment, as Tokenscope's root spans hold them.
void noteLangfuseTraceContext(Span& span, const nlohmann::json& record);

} // namespace ts::import
