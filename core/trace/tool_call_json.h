#pragma once
#include "model/message.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts::codec {

// Tool calls as [{"id", "name", "arguments", "signature"?}, ...]; nullopt (SQL NULL) when there are
// none. The provider's signature is written only when there is one; rows from before it read as none.
std::optional<std::string> toolCallsToJson(const std::vector<ToolCall>& calls);
std::vector<ToolCall> toolCallsFromJson(std::string_view json);

} // namespace ts::codec
