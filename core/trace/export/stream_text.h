#pragma once
#include "model/trace.h"

#include <string>
#include <vector>

namespace ts::exporting {

// The text a streamed answer carried, put back together from its raw chunks: the string values of
// the delta fields that providers stream text in (OpenAI's content and tool-call arguments,
// Anthropic's text, partial_json and thinking, the Responses API's delta, Gemini's parts' text,
// Ollama's message content), read from each SSE data line or NDJSON line, in arrival order. A
// value streamed token by token is whole only here, never in any one chunk.
std::string streamedText(const std::vector<Exchange::Chunk>& chunks);

} // namespace ts::exporting
