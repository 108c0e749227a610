#include "trace/tool_call_json.h"

#include <nlohmann/json.hpp>

namespace ts::codec {

using nlohmann::json;

std::optional<std::string> toolCallsToJson(const std::vector<ToolCall>& calls)
{
    if (calls.empty())
        return std::nullopt;
    json array = json::array();
    for (const ToolCall& call : calls) {
        json item{{"id", call.id}, {"name", call.name}, {"arguments", call.arguments}};
        if (!call.signature.empty())
            item["signature"] = call.signature;
        array.push_back(std::move(item));
    }
    return array.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::vector<ToolCall> toolCallsFromJson(std::string_view text)
{
    std::vector<ToolCall> calls;
    for (const json& item : json::parse(text))
        calls.push_back({item.at("id").get<std::string>(), item.at("name").get<std::string>(),
                         item.at("arguments").get<std::string>(), item.value("signature", std::string())});
    return calls;
}

} // namespace ts::codec
