#pragma once
#include "model/span.h"
#include "model/usage.h"

#include <string_view>

// How an imported span says what it was, in the names the gateway's own spans use, so the
// summary, the panels and the pricing step treat an imported model call like a recorded one.
namespace ts::import {

// A call to a model: tokenscope.stage llm.call, gen_ai.operation.name (chat, text_completion,
// embeddings) and, when known, gen_ai.request.model.
void markModelCall(Span& span, std::string_view operation, std::string_view model);

// A tool the application ran: tokenscope.stage tool, execute_tool, gen_ai.tool.name.
void markToolCall(Span& span, std::string_view toolName);

// The usage a log reported (gen_ai.usage.*: input counts cached tokens, output counts reasoning).
void noteUsage(Span& span, const Usage& usage);

// gen_ai.response.time_to_first_chunk from when the first token came; ignored when it comes
// before the span starts (a clock the log got wrong).
void noteFirstChunk(Span& span, Nanos firstChunkAt);

} // namespace ts::import
