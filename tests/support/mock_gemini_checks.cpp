#include "mock_gemini_checks.h"

#include <algorithm>
#include <array>

namespace ts::test::gemini_mock {

namespace {

constexpr std::array<std::string_view, 7> kRequestFields{
    "contents",       "systemInstruction", "tools",        "toolConfig",
    "safetySettings", "generationConfig",  "cachedContent"};
constexpr std::array<std::string_view, 14> kConfigFields{"temperature",
                                                         "topP",
                                                         "topK",
                                                         "candidateCount",
                                                         "maxOutputTokens",
                                                         "stopSequences",
                                                         "responseMimeType",
                                                         "responseSchema",
                                                         "responseJsonSchema",
                                                         "seed",
                                                         "presencePenalty",
                                                         "frequencyPenalty",
                                                         "thinkingConfig",
                                                         "responseModalities"};

bool among(std::string_view key, const auto& names)
{
    return std::find(names.begin(), names.end(), key) != names.end();
}

std::optional<Reply> unknownField(const nlohmann::json& object, const auto& known, std::string_view at)
{
    for (const auto& [key, value] : object.items())
        if (!among(key, known))
            return errorReply(400, "INVALID_ARGUMENT",
                              "Invalid JSON payload received. Unknown name \"" + key + "\"" +
                                  std::string(at) + ": Cannot find field.");
    return std::nullopt;
}

bool onlyFunctionResponses(const nlohmann::json& content)
{
    const nlohmann::json parts = content.value("parts", nlohmann::json::array());
    return std::all_of(parts.begin(), parts.end(),
                       [](const nlohmann::json& part) { return part.contains("functionResponse"); });
}

// The current turn begins at the last user content that is not only function responses.
std::size_t currentTurn(const nlohmann::json& contents)
{
    std::size_t start = 0;
    for (std::size_t i = 0; i < contents.size(); ++i)
        if (contents[i].value("role", "") == "user" && !onlyFunctionResponses(contents[i]))
            start = i;
    return start;
}

// The first functionCall part of a model step, the one the step's signature goes on; null if none.
const nlohmann::json* firstCall(const nlohmann::json& content)
{
    if (content.value("role", "") != "model" || !content.contains("parts"))
        return nullptr;
    for (const auto& part : content["parts"])
        if (part.contains("functionCall"))
            return &part;
    return nullptr;
}

} // namespace

std::optional<Reply> unsignedCall(const nlohmann::json& request)
{
    const nlohmann::json& contents = request["contents"];
    for (std::size_t i = currentTurn(contents); i < contents.size(); ++i) {
        const nlohmann::json* call = firstCall(contents[i]);
        if (!call)
            continue;
        if (!call->contains("thoughtSignature"))
            return errorReply(400, "INVALID_ARGUMENT",
                              "Function call is missing a thought_signature in functionCall parts. This is "
                              "required for tools to work correctly. Function call `" +
                                  (*call)["functionCall"].value("name", "") + "`, content " +
                                  std::to_string(i) + ".");
        if ((*call)["thoughtSignature"] != kThoughtSignature)
            return errorReply(400, "INVALID_ARGUMENT", "Corrupted thought signature.");
    }
    return std::nullopt;
}

std::optional<Reply> rejection(const nlohmann::json& request)
{
    if (!request.is_object())
        return errorReply(400, "INVALID_ARGUMENT", "Invalid JSON payload received. Unexpected token.");
    if (auto unknown = unknownField(request, kRequestFields, ""))
        return unknown;
    if (request.contains("generationConfig"))
        if (auto unknown =
                unknownField(request["generationConfig"], kConfigFields, " at 'generation_config'"))
            return unknown;
    if (!request.contains("contents") || !request["contents"].is_array() || request["contents"].empty())
        return errorReply(400, "INVALID_ARGUMENT",
                          "* GenerateContentRequest.contents: contents is not specified\n");
    for (const auto& content : request["contents"])
        if (content.value("role", "") != "user" && content.value("role", "") != "model")
            return errorReply(400, "INVALID_ARGUMENT", "Please use a valid role: user, model.");
    return std::nullopt;
}

} // namespace ts::test::gemini_mock
