#include "prompts/prompt_json.h"

#include <nlohmann/json.hpp>

namespace ts::prompts::json {

namespace {

using nlohmann::json;
using FormatType = ResponseFormat::Type;

const char* formatName(FormatType type)
{
    switch (type) {
    case FormatType::JsonObject:
        return "json_object";
    case FormatType::JsonSchema:
        return "json_schema";
    case FormatType::Text:
        break;
    }
    return "text";
}

FormatType formatType(const std::string& name)
{
    if (name == "json_object")
        return FormatType::JsonObject;
    return name == "json_schema" ? FormatType::JsonSchema : FormatType::Text;
}

template <class T>
void putOptional(json& out, const char* key, const std::optional<T>& value)
{
    if (value)
        out[key] = *value;
}

template <class T>
std::optional<T> optional(const json& in, const char* key)
{
    const auto it = in.find(key);
    if (it == in.end() || !it->is_number())
        return std::nullopt;
    return it->get<T>();
}

json formatJson(const ResponseFormat& format)
{
    return {{"type", formatName(format.type)}, {"name", format.name}, {"schema", format.schemaJson},
            {"strict", format.strict}};
}

ResponseFormat formatFrom(const json& in)
{
    ResponseFormat format;
    format.type = formatType(in.value("type", std::string()));
    format.name = in.value("name", std::string());
    format.schemaJson = in.value("schema", std::string());
    format.strict = in.value("strict", true);
    return format;
}

json toolsJson(const std::vector<ToolDefinition>& tools)
{
    json out = json::array();
    for (const ToolDefinition& tool : tools)
        out.push_back({{"name", tool.name}, {"description", tool.description}, {"parameters", tool.parametersJson}});
    return out;
}

std::vector<ToolDefinition> toolsFrom(const json& in)
{
    std::vector<ToolDefinition> tools;
    for (const json& tool : in)
        if (tool.is_object())
            tools.push_back({tool.value("name", std::string()), tool.value("description", std::string()),
                             tool.value("parameters", std::string())});
    return tools;
}

json parsed(const std::string& text)
{
    json doc = json::parse(text, nullptr, false);
    return doc.is_object() ? doc : json::object();
}

PromptParams paramsFrom(const json& in)
{
    PromptParams params;
    params.temperature = optional<double>(in, "temperature");
    params.topP = optional<double>(in, "top_p");
    params.maxTokens = optional<int>(in, "max_tokens");
    params.seed = optional<std::int64_t>(in, "seed");
    if (const auto it = in.find("response_format"); it != in.end() && it->is_object())
        params.responseFormat = formatFrom(*it);
    if (const auto it = in.find("tools"); it != in.end() && it->is_array())
        params.tools = toolsFrom(*it);
    return params;
}

} // namespace

std::string paramsToJson(const PromptParams& params)
{
    json out = json::object();
    putOptional(out, "temperature", params.temperature);
    putOptional(out, "top_p", params.topP);
    putOptional(out, "max_tokens", params.maxTokens);
    putOptional(out, "seed", params.seed);
    if (params.responseFormat != ResponseFormat{})
        out["response_format"] = formatJson(params.responseFormat);
    if (!params.tools.empty())
        out["tools"] = toolsJson(params.tools);
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

PromptParams paramsFromJson(const std::string& text)
{
    try {
        return paramsFrom(parsed(text));
    } catch (const json::exception&) {
        return {}; // a value of the wrong type: not written by this code
    }
}

std::string variablesToJson(const VariableValues& values)
{
    return json(values).dump(-1, ' ', false, json::error_handler_t::replace);
}

VariableValues variablesFromJson(const std::string& text)
{
    const json doc = parsed(text);
    VariableValues values;
    for (auto it = doc.begin(); it != doc.end(); ++it)
        if (it->is_string())
            values[it.key()] = it->get<std::string>();
    return values;
}

} // namespace ts::prompts::json
