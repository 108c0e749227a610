#pragma once
#include <string>
#include <string_view>

namespace ts {

// Appends the decoded bytes of standard base64 text (with '=' padding) to out; false if malformed.
bool appendBase64Decoded(std::string_view text, std::string& out);

} // namespace ts
