#include "providers/gemini_wire.h"

#include <cctype>
#include <cstdio>
#include <stdexcept>

namespace ts::gemini {

using nlohmann::json;

namespace {

std::string pathEscaped(std::string_view text)
{
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += static_cast<char>(c);
            continue;
        }
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", c);
        out += hex;
    }
    return out;
}

json schemaJson(const std::string& text, const std::string& what)
{
    json parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded())
        throw std::invalid_argument(what + " is not valid JSON");
    return parsed;
}

// Arguments and results are what a model or a tool wrote, so they are forgiven: the API wants objects.
json objectOr(const std::string& text, std::string_view key)
{
    json parsed = json::parse(text.empty() ? std::string("{}") : text, nullptr, false);
    return parsed.is_object() ? parsed : json{{key, text}};
}

json imagePart(const ImagePart& image)
{
    if (!image.base64.empty())
        return {{"inlineData", {{"mimeType", image.mediaType}, {"data", image.base64}}}};
    json file{{"fileUri", image.url}};
    if (!image.mediaType.empty())
        file["mimeType"] = image.mediaType;
    return {{"fileData", std::move(file)}};
}

// Core's tool result carries the call's id; Gemini wants the function's name.
std::string toolName(const Message& result, const std::vector<Message>& history)
{
    if (!result.name.empty())
        return result.name;
    for (const Message& m : history)
        for (const ToolCall& call : m.toolCalls)
            if (!call.id.empty() && call.id == result.toolCallId)
                return call.name;
    throw std::invalid_argument("tool result '" + result.toolCallId + "': Gemini needs its tool's name");
}

json partsOf(const Message& m, const std::vector<Message>& history)
{
    json parts = json::array();
    if (m.role == Role::Tool) {
        // FunctionResponse.response: a result that is not an object goes under "output".
        json response{{"name", toolName(m, history)}, {"response", objectOr(m.content, "output")}};
        if (!m.toolCallId.empty())
            response["id"] = m.toolCallId;
        parts.push_back({{"functionResponse", std::move(response)}});
        return parts;
    }
    // Images before the text that asks about them, as Google advises.
    for (const ImagePart& image : m.images)
        parts.push_back(imagePart(image));
    if (!m.content.empty() || (m.images.empty() && m.toolCalls.empty()))
        parts.push_back({{"text", m.content}});
    for (const ToolCall& call : m.toolCalls) {
        json functionCall{{"name", call.name}, {"args", objectOr(call.arguments, "_raw")}};
        if (!call.id.empty())
            functionCall["id"] = call.id;
        json part{{"functionCall", std::move(functionCall)}};
        // Gemini 3 refuses a function call turn whose (first) call comes back without its signature.
        if (!call.signature.empty())
            part["thoughtSignature"] = call.signature;
        parts.push_back(std::move(part));
    }
    return parts;
}

// Turns must alternate between user and model: consecutive ones of one role merge.
json contentsJson(const std::vector<Message>& messages)
{
    json contents = json::array();
    for (const Message& m : messages) {
        if (m.role == Role::System)
            continue;
        const char* role = m.role == Role::Assistant ? "model" : "user";
        json parts = partsOf(m, messages);
        if (!contents.empty() && contents.back()["role"] == role)
            for (json& part : parts)
                contents.back()["parts"].push_back(std::move(part));
        else
            contents.push_back({{"role", role}, {"parts", std::move(parts)}});
    }
    return contents;
}

json systemInstruction(const std::vector<Message>& messages)
{
    json parts = json::array();
    for (const Message& m : messages)
        if (m.role == Role::System)
            parts.push_back({{"text", m.content}});
    return parts.empty() ? json() : json{{"parts", std::move(parts)}};
}

json toolsJson(const std::vector<ToolDefinition>& tools)
{
    json declarations = json::array();
    for (const ToolDefinition& t : tools) {
        json declaration{{"name", t.name}};
        if (!t.description.empty())
            declaration["description"] = t.description;
        if (!t.parametersJson.empty())
            declaration["parametersJsonSchema"] =
                schemaJson(t.parametersJson, "tool " + t.name + ": parameters");
        declarations.push_back(std::move(declaration));
    }
    return json::array({{{"functionDeclarations", std::move(declarations)}}});
}

json generationConfig(const ChatRequest& request)
{
    json config = json::object();
    if (request.temperature)
        config["temperature"] = *request.temperature;
    if (request.topP)
        config["topP"] = *request.topP;
    if (request.maxTokens)
        config["maxOutputTokens"] = *request.maxTokens;
    if (request.seed)
        config["seed"] = *request.seed;
    const ResponseFormat& format = request.responseFormat;
    if (format.type != ResponseFormat::Type::Text)
        config["responseMimeType"] = "application/json";
    if (format.type == ResponseFormat::Type::JsonSchema)
        config["responseJsonSchema"] = schemaJson(format.schemaJson, "response format: the JSON schema");
    return config;
}

} // namespace

std::string methodPath(std::string_view apiVersion, std::string_view model, bool stream)
{
    const bool named = model.starts_with("models/") || model.starts_with("tunedModels/");
    std::string path = std::string(apiVersion) + "/" + (named ? "" : "models/") + pathEscaped(model);
    return path + (stream ? ":streamGenerateContent?alt=sse" : ":generateContent");
}

json requestBody(const ChatRequest& request)
{
    json body{{"contents", contentsJson(request.messages)}};
    if (json system = systemInstruction(request.messages); !system.is_null())
        body["systemInstruction"] = std::move(system);
    if (!request.tools.empty())
        body["tools"] = toolsJson(request.tools);
    if (json config = generationConfig(request); !config.empty())
        body["generationConfig"] = std::move(config);
    return body;
}

} // namespace ts::gemini
