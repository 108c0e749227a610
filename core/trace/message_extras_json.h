#pragma once
#include "model/message.h"

#include <optional>
#include <string>
#include <string_view>

namespace ts::codec {

// What a message holds beyond its text and tool calls, as the messages table's `extras` column
// (schema 6): {"images": [{"media_type", "data"?, "url"?}, ...]?, "cache_breakpoint"?}. nullopt (SQL
// NULL) when there is neither, as for every row written before schema 6.
std::optional<std::string> messageExtrasToJson(const Message& message);
// Throws nlohmann::json::exception for text that is not such an object.
void messageExtrasFromJson(std::string_view json, Message& message);

} // namespace ts::codec
