#pragma once
#include "model/usage.h"
#include "providers/provider.h"

#include <nlohmann/json.hpp>

#include <string>

// Pieces of Responses API replies (shared/reference/formats.md §1.6) in core's value types. HTTP errors
// share Chat Completions' envelope: openai::httpError reads them.
namespace ts::openai_responses {

// ResponseUsage. input_tokens already counts cached tokens and output_tokens reasoning ones, which is
// core's convention too.
Usage usageFrom(const nlohmann::json& usage);

// A Response's status as core names finish reasons: completed → stop (tool_calls when the model called
// tools, content_filter when it refused), incomplete → length for max_output_tokens and content_filter
// otherwise, failed → error; in_progress, queued and cancelled → "".
std::string finishReason(const nlohmann::json& response, bool toolCalls, bool refused);

// A failed Response's `error` ({code, message}) or an `error` event ({code, message, param}, or an
// ErrorResponse-like {"error": {...}}) as a Stream error. These carry a code but no type; the code
// stands in as the type (server_error, rate_limit_exceeded, invalid_prompt...) so that the error
// categorizes, and a failure that says nothing is a server_error.
ProviderError failureFrom(const nlohmann::json& error);

} // namespace ts::openai_responses
