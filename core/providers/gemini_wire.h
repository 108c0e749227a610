#pragma once
#include "model/request.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

// Gemini Generative Language API requests (shared/reference/formats.md §4) from core's value types.
namespace ts::gemini {

// What follows the base URL: {apiVersion}/models/{model}:streamGenerateContent?alt=sse, or
// :generateContent when not streaming. A model given as "models/..." or "tunedModels/..." is used as
// it is; characters a path cannot hold are percent-encoded.
std::string methodPath(std::string_view apiVersion, std::string_view model, bool stream);

// GenerateContentRequest: contents (user and model turns, consecutive turns of one role merged;
// images as inlineData or fileData; tool calls as functionCall parts, each with its thoughtSignature
// when it has one; tool results as functionResponse in a user turn), systemInstruction,
// tools[{functionDeclarations}] and generationConfig. Tool parameters and a response schema are JSON
// Schema, so they go as parametersJsonSchema and responseJsonSchema, the fields that take JSON Schema
// (responseSchema takes an OpenAPI subset).
// Throws std::invalid_argument for what cannot be sent: a schema that is not JSON, a tool result whose
// tool cannot be named.
nlohmann::json requestBody(const ChatRequest& request);

} // namespace ts::gemini
