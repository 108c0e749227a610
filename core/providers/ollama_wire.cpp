#include "providers/ollama_wire.h"

#include "model/time.h"
#include "providers/json_fields.h"

#include <array>
#include <stdexcept>

namespace ts::ollama {

using nlohmann::json;

namespace {

json parsedSchema(const std::string& text, const std::string& what)
{
    json parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded())
        throw std::invalid_argument(what + " is not valid JSON");
    return parsed;
}

// Arguments are what the model wrote, so they are forgiven: the API wants an object.
json argumentsObject(const std::string& arguments)
{
    json parsed = json::parse(arguments.empty() ? std::string("{}") : arguments, nullptr, false);
    return parsed.is_object() ? parsed : json{{"_raw", arguments}};
}

json toolCallJson(const ToolCall& call)
{
    json out{{"function", {{"name", call.name}, {"arguments", argumentsObject(call.arguments)}}}};
    if (!call.id.empty())
        out["id"] = call.id;
    return out;
}

// A tool result names its tool; core's message carries the call id, so the name comes from the call.
std::string toolNameFor(const Message& result, const std::vector<Message>& history)
{
    if (!result.name.empty())
        return result.name;
    for (const Message& m : history)
        for (const ToolCall& call : m.toolCalls)
            if (!call.id.empty() && call.id == result.toolCallId)
                return call.name;
    return {};
}

json messageJson(const Message& m, const std::vector<Message>& history)
{
    json out{{"role", std::string(roleName(m.role))}, {"content", m.content}};
    for (const ImagePart& image : m.images) {
        if (image.base64.empty())
            throw std::invalid_argument("Ollama takes images inline (base64), not by URL: " + image.url);
        out["images"].push_back(image.base64);
    }
    for (const ToolCall& call : m.toolCalls)
        out["tool_calls"].push_back(toolCallJson(call));
    if (m.role == Role::Tool) {
        if (const std::string name = toolNameFor(m, history); !name.empty())
            out["tool_name"] = name;
        if (!m.toolCallId.empty())
            out["tool_call_id"] = m.toolCallId;
    }
    return out;
}

json toolJson(const ToolDefinition& tool)
{
    json function{{"name", tool.name}};
    if (!tool.description.empty())
        function["description"] = tool.description;
    if (!tool.parametersJson.empty())
        function["parameters"] = parsedSchema(tool.parametersJson, "tool " + tool.name + ": parameters");
    return {{"type", "function"}, {"function", std::move(function)}};
}

json optionsJson(const ChatRequest& request)
{
    json options = json::object();
    if (request.temperature)
        options["temperature"] = *request.temperature;
    if (request.topP)
        options["top_p"] = *request.topP;
    if (request.seed)
        options["seed"] = *request.seed;
    if (request.maxTokens)
        options["num_predict"] = *request.maxTokens;
    return options;
}

} // namespace

json chatBody(const ChatRequest& request)
{
    json body{{"model", request.model}, {"messages", json::array()}};
    for (const Message& m : request.messages)
        body["messages"].push_back(messageJson(m, request.messages));
    for (const ToolDefinition& tool : request.tools)
        body["tools"].push_back(toolJson(tool));
    if (request.responseFormat.type == ResponseFormat::Type::JsonObject)
        body["format"] = "json";
    else if (request.responseFormat.type == ResponseFormat::Type::JsonSchema)
        body["format"] = parsedSchema(request.responseFormat.schemaJson, "response format: the JSON schema");
    if (json options = optionsJson(request); !options.empty())
        body["options"] = std::move(options);
    body["stream"] = request.stream; // Ollama streams unless told not to
    return body;
}

std::string finishReason(std::string_view doneReason, bool calledTools)
{
    if (doneReason.empty() || doneReason == "stop")
        return calledTools ? "tool_calls" : "stop";
    return std::string(doneReason);
}

Usage usageFrom(const json& finalLine)
{
    Usage out;
    out.inputTokens = intField(finalLine, "prompt_eval_count");
    out.outputTokens = intField(finalLine, "eval_count");
    out.reported = field(finalLine, "prompt_eval_count") && field(finalLine, "eval_count");
    return out;
}

void addDurations(const json& finalLine, Attributes& attributes)
{
    static constexpr std::array<std::string_view, 4> kDurations{"total_duration", "load_duration",
                                                                "prompt_eval_duration", "eval_duration"};
    for (std::string_view name : kDurations)
        if (const json* ns = field(finalLine, name); ns && ns->is_number())
            attributes["tokenscope.ollama." + std::string(name) + "_ms"] = nsToMs(ns->get<Nanos>());
}

ProviderError httpError(int status, std::string_view body)
{
    const json parsed = json::parse(body, nullptr, false);
    ProviderError out{.kind = ProviderError::Kind::Http, .httpStatus = status};
    out.message = stringField(parsed, "error");
    if (out.message.empty())
        out.message = "HTTP " + std::to_string(status);
    return out;
}

ProviderError streamError(const json& error)
{
    ProviderError out{.kind = ProviderError::Kind::Stream, .type = "server_error"};
    out.message = error.is_string() ? error.get<std::string>() : error.dump();
    return out;
}

} // namespace ts::ollama
