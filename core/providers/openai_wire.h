#pragma once
#include "model/request.h"
#include "model/response.h"
#include "model/usage.h"
#include "providers/provider.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

// OpenAI Chat Completions bodies (shared/reference/formats.md §1) to and from core's value types.
namespace ts::openai {

// requestBody() (openai_request_body.h) as a JSON value, for callers that want to look inside.
// Throws std::invalid_argument for a tool whose parameters are not JSON.
nlohmann::json requestJson(const ChatRequest& request);

// CompletionUsage. prompt_tokens already counts cached tokens, completion_tokens reasoning ones,
// which is core's convention too.
Usage usageFrom(const nlohmann::json& usage);
// OpenRouter's usage.cost (USD), when the usage object carries one.
std::optional<double> reportedCostFrom(const nlohmann::json& usage);

// A message's or a stream delta's content, or its refusal: a refusal is what the user reads instead of
// an answer, so it is the response text.
std::string visibleText(const nlohmann::json& message);

// CreateChatCompletionResponse, choice 0.
ChatResponse responseFrom(const nlohmann::json& completion);

// The `error` member of an ErrorResponse or of an error event: {message, type, param, code}, or a string.
ProviderError errorFrom(const nlohmann::json& error, ProviderError::Kind kind);

// A non-2xx reply; type, code and message come from its body when it is an ErrorResponse.
ProviderError httpError(int status, std::string_view body);

} // namespace ts::openai
