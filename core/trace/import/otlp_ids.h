#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace ts::import {

// An OTLP trace or span id (`bytes` long: 16 or 8) as lower-case hex. OTLP's JSON mapping writes
// hex in either case; the generic protobuf JSON mapping writes the bytes as base64. "" when the
// text is neither, or the id is all zeros (OTLP's "no id").
std::string otlpId(std::string_view text, std::size_t bytes);

} // namespace ts::import
