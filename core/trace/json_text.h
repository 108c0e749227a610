#pragma once
#include <cstdint>
#include <string>
#include <string_view>

// Appending JSON values to a string directly: the writer encodes every span's attributes, and
// building a DOM first costs more than the SQLite insert itself.
namespace ts::codec::json_text {

// A JSON string; bytes that are not valid UTF-8 become U+FFFD, so the text always parses back.
void appendString(std::string& out, std::string_view value);
void appendInt(std::string& out, std::int64_t value);
// Shortest text that reads back to the same double, always with a '.' or an exponent so it reads
// back as a double (2.0, not 2). Finite values only.
void appendDouble(std::string& out, double value);

} // namespace ts::codec::json_text
