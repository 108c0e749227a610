#pragma once
#include "model/request.h"
#include "model/span.h"
#include "model/usage.h"
#include "providers/provider.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

// Ollama's native chat API (shared/reference/formats.md §3.1, shared/reference/specs/ollama-api.md)
// to and from core's value types.
namespace ts::ollama {

// The body of POST /api/chat: messages (images as base64, tool calls with their arguments as JSON
// objects, tool results with tool_name), tools, format ("json" or a JSON Schema) and options
// {temperature, top_p, seed, num_predict}. Throws std::invalid_argument for what cannot be sent: a
// tool's parameters or the schema not JSON, an image given by URL (Ollama only takes inline bytes).
nlohmann::json chatBody(const ChatRequest& request);

// done_reason as core names finish reasons: "stop" (also when done:true came without a reason, as
// older servers send it), or "tool_calls" when the answer called tools; others ("length") as sent.
std::string finishReason(std::string_view doneReason, bool calledTools);

// Usage from the done:true line: prompt_eval_count in, eval_count out. Go omits a zero or unknown
// count, so usage is reported only when both are there; otherwise Tokenscope estimates it.
Usage usageFrom(const nlohmann::json& finalLine);

// The done:true line's total, load, prompt eval and eval durations (nanoseconds on the wire) as span
// attributes in milliseconds, e.g. tokenscope.ollama.load_duration_ms; absent ones are left out.
void addDurations(const nlohmann::json& finalLine, Attributes& attributes);

// A non-2xx reply: {"error":"..."} (404 model not found, 503 server busy, ...).
ProviderError httpError(int status, std::string_view body);

// An {"error":"..."} line inside a 200 stream: the model runner failed after the reply began, which
// Ollama reports with no type of its own, so it is named a server error.
ProviderError streamError(const nlohmann::json& error);

} // namespace ts::ollama
