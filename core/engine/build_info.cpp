#include "engine/build_info.h"

#include "catalog/catalog.h"

#include <curl/curl.h>
#include <hs/hs.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <zlib.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace ts {

namespace {

std::string pcre2Version()
{
    char version[64] = {};
    return pcre2_config(PCRE2_CONFIG_VERSION, version) > 0 ? std::string(version) : std::string("unknown");
}

// "5.4.0 2022-..." : the number only.
std::string firstWord(const char* text)
{
    std::string s(text ? text : "unknown");
    return s.substr(0, s.find(' '));
}

} // namespace

std::vector<Component> buildComponents()
{
    const curl_version_info_data* curl = curl_version_info(CURLVERSION_NOW);
    return {
        {"Tokenscope", TOKENSCOPE_VERSION},
        {"SQLite", sqlite3_libversion()},
        {"libcurl", std::string(curl->version) + (curl->ssl_version ? std::string(" (") + curl->ssl_version + ")" : "")},
        {"Hyperscan", firstWord(hs_version())},
        {"PCRE2", pcre2Version()},
        {"zlib", zlibVersion()},
        {"nlohmann/json", std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." + std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
                              std::to_string(NLOHMANN_JSON_VERSION_PATCH)},
        {"Prices", Catalog::builtin().snapshotSource()},
    };
}

} // namespace ts
