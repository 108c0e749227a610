#include "providers/openai_request_body.h"

#include "model/json_writer.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace ts::openai {

namespace {

using nlohmann::json;

// Text that must be a JSON document, as compact JSON with sorted keys.
std::string reDumped(const std::string& text, const std::string& what)
{
    const json parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded())
        throw std::invalid_argument(what);
    return parsed.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Keys are written in sorted order throughout, so the body reads byte for byte as when nlohmann
// built it (the recorded exchange and its tests see the same text).
void writeToolCall(JsonWriter& w, const ToolCall& call)
{
    w.beginObject();
    w.key("function").beginObject().key("arguments").string(call.arguments).key("name").string(call.name).endObject();
    w.key("id").string(call.id).key("type").string("function");
    w.endObject();
}

// A user message with images is a list of parts: the text, then each image_url (a URL or a data: URL).
void writeContent(JsonWriter& w, const Message& message)
{
    if (message.images.empty()) {
        w.string(message.content);
        return;
    }
    w.beginArray();
    if (!message.content.empty())
        w.beginObject().key("text").string(message.content).key("type").string("text").endObject();
    for (const ImagePart& image : message.images) {
        w.beginObject().key("image_url").beginObject().key("url");
        if (image.url.empty())
            w.string("data:" + image.mediaType + ";base64," + image.base64);
        else
            w.string(image.url);
        w.endObject().key("type").string("image_url").endObject();
    }
    w.endArray();
}

void writeMessage(JsonWriter& w, const Message& message)
{
    w.beginObject().key("content");
    if (!message.toolCalls.empty() && message.content.empty())
        w.null();
    else
        writeContent(w, message);
    if (message.role != Role::Tool && !message.name.empty())
        w.key("name").string(message.name);
    w.key("role").string(roleName(message.role));
    if (message.role == Role::Tool)
        w.key("tool_call_id").string(message.toolCallId);
    if (!message.toolCalls.empty()) {
        w.key("tool_calls").beginArray();
        for (const ToolCall& call : message.toolCalls)
            writeToolCall(w, call);
        w.endArray();
    }
    w.endObject();
}

void writeTool(JsonWriter& w, const ToolDefinition& tool, const std::string& parameters)
{
    w.beginObject().key("function").beginObject();
    if (!tool.description.empty())
        w.key("description").string(tool.description);
    w.key("name").string(tool.name);
    if (!parameters.empty())
        w.key("parameters").raw(parameters);
    w.endObject().key("type").string("function").endObject();
}

void writeResponseFormat(JsonWriter& w, const ResponseFormat& format, const std::string& schema)
{
    w.beginObject();
    if (format.type == ResponseFormat::Type::JsonSchema) {
        w.key("json_schema").beginObject();
        w.key("name").string(format.name.empty() ? std::string_view("response") : std::string_view(format.name));
        w.key("schema").raw(schema).key("strict").boolean(format.strict).endObject();
    }
    w.key("type").string(format.type == ResponseFormat::Type::JsonObject ? "json_object" : "json_schema");
    w.endObject();
}

} // namespace

std::string requestBody(const ChatRequest& request)
{
    // The JSON-valued parts first, in the order their errors have always been reported.
    std::vector<std::string> parameters;
    parameters.reserve(request.tools.size());
    for (const ToolDefinition& tool : request.tools)
        parameters.push_back(tool.parametersJson.empty()
                                 ? std::string()
                                 : reDumped(tool.parametersJson, "tool " + tool.name + ": parameters are not valid JSON"));
    const bool schema = request.responseFormat.type == ResponseFormat::Type::JsonSchema;
    const std::string schemaText =
        schema ? reDumped(request.responseFormat.schemaJson, "response format: the JSON schema is not valid JSON") : std::string();

    std::string out;
    std::size_t size = 160 + request.model.size();
    for (const Message& message : request.messages)
        size += 48 + message.content.size();
    out.reserve(size);
    JsonWriter w(out);
    w.beginObject();
    if (request.maxTokens)
        w.key("max_completion_tokens").integer(*request.maxTokens);
    w.key("messages").beginArray();
    for (const Message& message : request.messages)
        writeMessage(w, message);
    w.endArray().key("model").string(request.model);
    if (request.responseFormat.type != ResponseFormat::Type::Text) {
        w.key("response_format");
        writeResponseFormat(w, request.responseFormat, schemaText);
    }
    if (request.seed)
        w.key("seed").integer(*request.seed);
    w.key("stream").boolean(request.stream);
    if (request.stream)
        w.key("stream_options").beginObject().key("include_usage").boolean(true).endObject();
    if (request.temperature)
        w.key("temperature").number(*request.temperature);
    if (!request.tools.empty()) {
        w.key("tools").beginArray();
        for (std::size_t i = 0; i < request.tools.size(); ++i)
            writeTool(w, request.tools[i], parameters[i]);
        w.endArray();
    }
    if (request.topP)
        w.key("top_p").number(*request.topP);
    w.endObject();
    return out;
}

} // namespace ts::openai
