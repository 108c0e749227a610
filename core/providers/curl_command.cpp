#include "providers/curl_command.h"

#include "providers/json_fields.h"
#include "providers/secret_headers.h"

#include <sstream>

namespace ts {

namespace {

std::string singleQuoted(std::string_view text)
{
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Double quotes, so that the shell expands the key's variable.
std::string keyHeader(const std::string& name)
{
    return "\"" + name + ": " + std::string(shellCredential(name)) + "\"";
}

std::string headerArgument(const Header& header)
{
    if (header.second == kRedacted)
        return keyHeader(header.first);
    return singleQuoted(header.first + ": " + header.second);
}

bool streamed(const Exchange& exchange)
{
    if (!exchange.chunks.empty())
        return true;
    const nlohmann::json body = nlohmann::json::parse(exchange.requestBody, nullptr, false);
    const nlohmann::json* stream = field(body, "stream");
    return stream && stream->is_boolean() && stream->get<bool>();
}

} // namespace

std::string curlCommand(const Exchange& exchange)
{
    // A stream rather than += on one string: GCC 12 at -O3 warns falsely (-Wrestrict) on the latter.
    std::ostringstream out;
    out << "curl";
    const bool impliedMethod = exchange.requestBody.empty() ? exchange.method == "GET" : exchange.method == "POST";
    if (!impliedMethod)
        out << " -X " << exchange.method;
    out << " " << singleQuoted(exchange.url);
    for (const Header& header : exchange.requestHeaders)
        out << " \\\n  -H " << headerArgument(header);
    if (streamed(exchange))
        out << " \\\n  --no-buffer";
    if (!exchange.requestBody.empty())
        out << " \\\n  --data-raw " << singleQuoted(exchange.requestBody);
    return out.str();
}

} // namespace ts
