#pragma once
#include <string>
#include <string_view>

namespace ts {

// Appends the decoded bytes of standard base64 text (with '=' padding) to out; false if malformed.
bool appendBase64Decoded(std::string_view text, std::string& out);
// Appends standard base64 of bytes, '=' padded.
void appendBase64Encoded(std::string_view bytes, std::string& out);

} // namespace ts
