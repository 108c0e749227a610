#include "trace/import/stable_ids.h"

#include "tokens/sha256.h"

#include <algorithm>
#include <cctype>

namespace ts::import {

namespace {

bool allHex(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The UUID's 32 digits, or "" when the text is not a UUID (8-4-4-4-12).
std::string uuidDigits(std::string_view s)
{
    if (s.size() != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-')
        return {};
    std::string digits;
    for (char c : s)
        if (c != '-')
            digits += c;
    return allHex(digits) ? lower(digits) : std::string();
}

} // namespace

std::string traceIdFor(std::string_view sourceId)
{
    if (sourceId.size() == 32 && allHex(sourceId))
        return lower(sourceId);
    if (std::string digits = uuidDigits(sourceId); !digits.empty())
        return digits;
    return sha256Hex(sourceId).substr(0, 32);
}

std::string spanIdFor(std::string_view sourceId, std::string_view scope)
{
    if (sourceId.size() == 16 && allHex(sourceId))
        return lower(sourceId);
    std::string keyed(scope);
    keyed += '\x1f';
    keyed += sourceId;
    return sha256Hex(keyed).substr(0, 16);
}

} // namespace ts::import
