#include "structured/schema_pattern.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace ts::structured {

namespace {

constexpr std::uint32_t kOptions = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;

std::string describe(int code, PCRE2_SIZE offset)
{
    PCRE2_UCHAR buffer[256];
    pcre2_get_error_message(code, buffer, sizeof buffer);
    return std::string(reinterpret_cast<const char*>(buffer)) + " at offset " + std::to_string(offset);
}

} // namespace

std::optional<bool> patternMatches(std::string_view pattern, std::string_view text, std::string* error)
{
    int code = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code* re = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), kOptions,
                                   &code, &offset, nullptr);
    if (!re) {
        if (error)
            *error = describe(code, offset);
        return std::nullopt;
    }
    pcre2_match_data* data = pcre2_match_data_create_from_pattern(re, nullptr);
    const int rc =
        pcre2_match(re, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0, 0, data, nullptr);
    pcre2_match_data_free(data);
    pcre2_code_free(re);
    return rc >= 0;
}

} // namespace ts::structured
