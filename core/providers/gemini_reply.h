#pragma once
#include "model/usage.h"
#include "providers/provider.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

// Pieces of Gemini replies (shared/reference/formats.md §4) in core's value types.
namespace ts::gemini {

// usageMetadata in Tokenscope's convention. promptTokenCount already counts cached content, and
// candidatesTokenCount leaves out thoughts: inputTokens = promptTokenCount + toolUsePromptTokenCount,
// cacheReadTokens = cachedContentTokenCount, outputTokens = candidatesTokenCount + thoughtsTokenCount,
// reasoningTokens = thoughtsTokenCount, so totalTokens() is the API's totalTokenCount.
Usage usageFrom(const nlohmann::json& usageMetadata);

// finishReason as core names finish reasons: STOP → stop (tool_calls when the answer called tools),
// MAX_TOKENS → length, SAFETY, RECITATION, LANGUAGE, BLOCKLIST, PROHIBITED_CONTENT, SPII and the
// image ones → content_filter, MALFORMED_FUNCTION_CALL and other tool faults → error; others lower-cased.
std::string finishReason(std::string_view reason, bool calledTools);

// A google.rpc.Status {code, message, status, details}. Google's status becomes `code`
// (RESOURCE_EXHAUSTED, ...) and `type` is named in the words categorize() knows: rate_limit_error,
// overloaded_error, server_error, authentication_error (a 400 API_KEY_INVALID too),
// permission_error, not_found_error, invalid_request_error; a RESOURCE_EXHAUSTED whose QuotaFailure names a
// per-day quota is daily_quota_exhausted. retryAfterMs from a RetryInfo detail.
ProviderError errorFrom(const nlohmann::json& status, ProviderError::Kind kind);

// A non-2xx reply: {"error": Status}, or the one-element array a non-SSE stream wraps it in.
ProviderError httpError(int status, std::string_view body);

} // namespace ts::gemini
