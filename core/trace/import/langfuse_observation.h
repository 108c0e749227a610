#pragma once
#include "model/message.h"
#include "model/span.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

// One Langfuse observation (a GENERATION, SPAN, EVENT, TOOL, AGENT, ... of the public API, or a
// row of the blob storage export, which spells the same fields in snake_case) read into a span.
namespace ts::import {

struct LangfuseObservation
{
    std::string traceSource;    // the trace's Langfuse id
    bool topLevel = false;      // no parentObservationId: a child of the trace itself
    Span span;                  // ids set; parentSpanId empty when topLevel
    std::vector<Message> input; // a generation's conversation, when its input reads as one
    std::vector<Message> output;
};

// Reads one observation. enclosingTrace is the id of the trace record it came nested in ("" when
// it came on its own): nested observations may leave their traceId out. "" or why not.
std::string readLangfuseObservation(const nlohmann::json& o, std::string_view enclosingTrace,
                                    LangfuseObservation& out);

// The span a Langfuse trace record becomes; its top-level observations hang under it.
std::string langfuseRootSpanId(std::string_view traceSource);

} // namespace ts::import
