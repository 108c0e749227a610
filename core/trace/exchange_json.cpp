#include "trace/exchange_json.h"

#include <nlohmann/json.hpp>

namespace ts::codec {

namespace {

using nlohmann::json;

std::string dump(const json& value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

std::string headersToJson(const std::vector<Header>& headers)
{
    return dump(json(headers));
}

std::vector<Header> headersFromJson(std::string_view text)
{
    return json::parse(text).get<std::vector<Header>>();
}

} // namespace ts::codec
