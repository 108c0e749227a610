#include "tokens/tool_tokens.h"

#include <nlohmann/json.hpp>

#include <string>

namespace ts {

namespace {

std::string withoutFinalPeriod(std::string s)
{
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

std::string stringField(const nlohmann::json& j, const char* key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

std::int64_t toolDefinitionTokens(const std::vector<ToolDefinition>& tools,
                                  const std::function<std::int64_t(std::string_view)>& count, bool cl100kFraming)
{
    const std::int64_t funcInit = cl100kFraming ? 10 : 7;
    constexpr std::int64_t kPropInit = 3;
    constexpr std::int64_t kPropKey = 3;
    constexpr std::int64_t kEnumInit = -3;
    constexpr std::int64_t kEnumItem = 3;
    constexpr std::int64_t kFuncEnd = 12;
    if (tools.empty())
        return 0;
    std::int64_t n = 0;
    for (const ToolDefinition& tool : tools) {
        n += funcInit + count(tool.name + ":" + withoutFinalPeriod(tool.description));
        const nlohmann::json schema = nlohmann::json::parse(tool.parametersJson, nullptr, false);
        if (schema.is_discarded()) { // not JSON: count the text as it would be sent
            n += count(tool.parametersJson);
            continue;
        }
        auto props = schema.find("properties");
        if (props == schema.end() || !props->is_object() || props->empty())
            continue;
        n += kPropInit;
        for (const auto& [key, prop] : props->items()) {
            n += kPropKey;
            if (auto e = prop.find("enum"); e != prop.end() && e->is_array()) {
                n += kEnumInit;
                for (const auto& item : *e)
                    n += kEnumItem + count(item.is_string() ? item.get<std::string>() : item.dump());
            }
            n += count(key + ":" + stringField(prop, "type") + ":" + withoutFinalPeriod(stringField(prop, "description")));
        }
    }
    return n + kFuncEnd;
}

} // namespace ts
