#include "providers/secret_headers.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace ts {

namespace {

constexpr std::array<std::string_view, 7> kSecretNames{
    "authorization", "proxy-authorization", "x-api-key", "api-key", "x-goog-api-key", "cookie", "set-cookie"};

constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kShellCredentials{{
    {"authorization", "Bearer $OPENAI_API_KEY"},
    {"x-api-key", "$ANTHROPIC_API_KEY"},
    {"x-goog-api-key", "$GEMINI_API_KEY"},
    {"api-key", "$AZURE_OPENAI_API_KEY"},
}};

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
        return std::tolower(x) == std::tolower(y);
    });
}

} // namespace

bool isSecretHeader(std::string_view name)
{
    return std::any_of(kSecretNames.begin(), kSecretNames.end(),
                       [name](std::string_view secret) { return equalsIgnoreCase(name, secret); });
}

std::vector<Header> redactSecrets(std::vector<Header> headers)
{
    for (auto& [name, value] : headers)
        if (isSecretHeader(name))
            value = kRedacted;
    return headers;
}

std::string_view shellCredential(std::string_view headerName)
{
    for (const auto& [name, value] : kShellCredentials)
        if (equalsIgnoreCase(headerName, name))
            return value;
    return "$API_KEY";
}

} // namespace ts
