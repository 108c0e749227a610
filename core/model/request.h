#pragma once
#include "model/message.h"

#include <optional>
#include <string>
#include <vector>

namespace ts {

// Who and what a request is for; becomes trace attributes that filters use.
struct RequestMeta
{
    std::string user;
    std::string session;
    std::vector<std::string> tags;
    std::string source = "api"; // playground, cli, demo, gateway, replay
    std::string feature;        // product feature that sent it (demo scenario, app feature)
    std::string apiKeyName;     // the gateway's virtual key it came with (its name, never the key)
    std::string project;        // the project that key belongs to

    bool operator==(const RequestMeta&) const = default;
};

// Structured output: JSON, optionally held to a JSON Schema (OpenAI response_format, Gemini
// responseSchema, Ollama format).
struct ResponseFormat
{
    enum class Type { Text, JsonObject, JsonSchema } type = Type::Text;
    std::string name;       // the schema's name (OpenAI requires one)
    std::string schemaJson; // JSON Schema text, for JsonSchema
    bool strict = true;

    bool operator==(const ResponseFormat&) const = default;
};

struct ChatRequest
{
    std::string provider; // provider id in the registry, e.g. "simulated", "openai"
    std::string model;
    std::vector<Message> messages;
    std::vector<ToolDefinition> tools;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> maxTokens;
    std::optional<std::int64_t> seed;
    ResponseFormat responseFormat;
    bool stream = true;
    RequestMeta meta;

    bool operator==(const ChatRequest&) const = default;
};

} // namespace ts
