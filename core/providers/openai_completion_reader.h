#pragma once
#include "model/response.h"

#include <optional>
#include <string_view>

namespace ts::openai {

// responseFrom(json::parse(body)) for the usual CreateChatCompletionResponse, read without a DOM:
// the gateway reads one on every proxied call. Nothing when the body holds what this does not take
// (an error member, a field of an unexpected type, a fractional token count, JSON outside strict
// RFC 8259); the caller then reads it the full way, so both ways always agree.
std::optional<ChatResponse> readCompletion(std::string_view body);

} // namespace ts::openai
