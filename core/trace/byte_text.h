#pragma once
#include <string>
#include <string_view>

namespace ts::codec {

bool isValidUtf8(std::string_view bytes);
// Length of the valid UTF-8 sequence starting at `at`, 0 when the bytes there are not one.
size_t utf8SequenceLength(std::string_view bytes, size_t at);

} // namespace ts::codec
