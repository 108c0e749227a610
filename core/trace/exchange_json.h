#pragma once
#include "model/trace.h"

#include <string>
#include <string_view>
#include <vector>

namespace ts::codec {

// Headers as [[name, value], ...], so order and repeated names survive.
std::string headersToJson(const std::vector<Header>& headers);
std::vector<Header> headersFromJson(std::string_view json);

} // namespace ts::codec
