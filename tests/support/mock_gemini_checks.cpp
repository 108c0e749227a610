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

} // namespace

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
