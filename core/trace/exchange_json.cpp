#include "trace/exchange_json.h"

#include "trace/byte_text.h"

#include <nlohmann/json.hpp>

namespace ts::codec {

namespace {

using nlohmann::json;

std::string dump(const json& value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json chunkJson(const Exchange::Chunk& chunk)
{
    if (isValidUtf8(chunk.data))
        return {{"at", chunk.at}, {"data", chunk.data}};
    return {{"at", chunk.at}, {"base64", base64Encode(chunk.data)}};
}

Exchange::Chunk chunkFrom(const json& item)
{
    const Nanos at = item.at("at").get<Nanos>();
    if (const auto encoded = item.find("base64"); encoded != item.end())
        return {at, base64Decode(encoded->get<std::string>())};
    return {at, item.at("data").get<std::string>()};
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

std::string chunksToJson(const std::vector<Exchange::Chunk>& chunks)
{
    json array = json::array();
    for (const Exchange::Chunk& chunk : chunks)
        array.push_back(chunkJson(chunk));
    return dump(array);
}

std::vector<Exchange::Chunk> chunksFromJson(std::string_view text)
{
    std::vector<Exchange::Chunk> chunks;
    for (const json& item : json::parse(text))
        chunks.push_back(chunkFrom(item));
    return chunks;
}

} // namespace ts::codec
