#pragma once
#include "model/trace.h"

#include <string>

namespace ts {

// "Copy as curl": a shell command that sends the exchange's request again. Redacted credentials become
// environment variables (Authorization: Bearer $OPENAI_API_KEY, x-api-key: $ANTHROPIC_API_KEY, ...),
// so the command runs as is in a shell that has the key; a streamed request gets --no-buffer.
std::string curlCommand(const Exchange& exchange);

} // namespace ts
