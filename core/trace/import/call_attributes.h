#pragma once
#include "model/span.h"
#include "model/usage.h"
#include "providers/provider.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

// How an imported span says what it was, in the names the gateway's own spans use, so the
// summary, the panels and the pricing step treat an imported model call like a recorded one.
namespace ts::import {

// A call to a model: tokenscope.stage llm.call, gen_ai.operation.name (chat, text_completion,
// embeddings) and, when known, gen_ai.request.model.
void markModelCall(Span& span, std::string_view operation, std::string_view model);

// A tool the application ran: tokenscope.stage tool, execute_tool, gen_ai.tool.name.
void markToolCall(Span& span, std::string_view toolName);

// "chat gpt-4o": the span name the GenAI conventions ask for ({operation} {model}).
std::string callName(std::string_view operation, std::string_view model);

// Sets a string attribute when the value says something.
void noteText(Span& span, std::string_view key, std::string value);

// The usage a log reported (gen_ai.usage.*: input counts cached tokens, output counts reasoning;
// tokenscope.usage.reported from usage.reported).
void noteUsage(Span& span, const Usage& usage);

// Request parameters as OpenAI request bodies and LiteLLM's model_parameters hold them: temperature,
// top_p, max_tokens (or max_completion_tokens, max_output_tokens), seed, stream.
void noteRequestParams(Span& span, const nlohmann::json& params);

// A failed call: status error with its message, error.type, tokenscope.error.category as the
// gateway decides it (providers/error_category.h), and the HTTP status when there was one.
void noteError(Span& span, const ProviderError& error);

// gen_ai.response.time_to_first_chunk from when the first token came; ignored when it comes
// before the span starts (a clock the log got wrong).
void noteFirstChunk(Span& span, Nanos firstChunkAt);

} // namespace ts::import
