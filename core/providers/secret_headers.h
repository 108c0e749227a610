#pragma once
#include "model/trace.h"

#include <string_view>
#include <vector>

namespace ts {

// What an exchange stores in place of a credential.
inline constexpr std::string_view kRedacted = "<redacted>";

// Headers that carry credentials (Authorization, api keys, cookies); case-insensitive.
bool isSecretHeader(std::string_view name);
std::vector<Header> redactSecrets(std::vector<Header> headers);
// The value a shell command gives a secret header, from the environment variable that usually holds
// it: "Bearer $OPENAI_API_KEY" for Authorization, "$ANTHROPIC_API_KEY" for x-api-key, else "$API_KEY".
std::string_view shellCredential(std::string_view headerName);

} // namespace ts
