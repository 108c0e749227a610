#pragma once
#include "model/usage.h"
#include "providers/provider.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

// Pieces of Anthropic Messages replies (shared/reference/formats.md §2.3–2.6) in core's value types.
namespace ts::anthropic {

// Usage in Tokenscope's convention: Anthropic's input_tokens leaves out cache reads and writes,
// inputTokens counts every input token (input + cache read + cache creation); cacheWrite1hTokens
// is cache_creation.ephemeral_1h_input_tokens; reasoningTokens output_tokens_details.thinking_tokens.
Usage usageFrom(const nlohmann::json& usage);

// Folds a message_delta's usage, cumulative, over message_start's: a key sent replaces the value
// known, a key absent or null keeps it.
void mergeUsage(nlohmann::json& into, const nlohmann::json& update);

// stop_reason as core names finish reasons: end_turn → stop, max_tokens → length,
// tool_use → tool_calls, refusal → content_filter; others (stop_sequence, pause_turn, ...) as sent.
std::string finishReason(std::string_view stopReason);

// The `error` member of an ErrorResponse or of an error event: {type, message, details?}.
ProviderError errorFrom(const nlohmann::json& error, ProviderError::Kind kind);

// A non-2xx reply; type and message come from its body when it is {"type":"error","error":{...}}.
ProviderError httpError(int status, std::string_view body);

} // namespace ts::anthropic
