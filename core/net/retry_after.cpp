#include "net/retry_after.h"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace ts::net {

namespace {

std::optional<double> number(const std::string& text)
{
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value) || value < 0)
        return std::nullopt;
    return value;
}

std::optional<std::int64_t> fromHttpDate(const std::string& text, Nanos now)
{
    const time_t when = curl_getdate(text.c_str(), nullptr);
    if (when < 0)
        return std::nullopt;
    return std::max<std::int64_t>(0, static_cast<std::int64_t>(when) * 1000 - now / kNsPerMs);
}

} // namespace

std::optional<std::int64_t> retryAfterMs(const HttpResponse& response, Nanos now)
{
    if (const auto ms = number(response.header("retry-after-ms")))
        return static_cast<std::int64_t>(std::llround(*ms));
    const std::string after = response.header("retry-after");
    if (after.empty())
        return std::nullopt;
    if (const auto seconds = number(after))
        return static_cast<std::int64_t>(std::llround(*seconds * 1000));
    return fromHttpDate(after, now);
}

} // namespace ts::net
