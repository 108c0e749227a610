#include "trace/import/log_time.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>

namespace ts::import {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// Reads exactly n digits at pos.
bool digits(std::string_view s, std::size_t& pos, int n, int& out)
{
    if (pos + static_cast<std::size_t>(n) > s.size())
        return false;
    out = 0;
    for (int i = 0; i < n; ++i) {
        const char c = s[pos++];
        if (c < '0' || c > '9')
            return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

bool expect(std::string_view s, std::size_t& pos, char c)
{
    if (pos >= s.size() || s[pos] != c)
        return false;
    ++pos;
    return true;
}

// The zone after the time: Z, +HH:MM, +HHMM, +HH, or nothing (UTC). Returns the offset in seconds.
bool zoneOffset(std::string_view s, std::size_t& pos, std::int64_t& offset)
{
    offset = 0;
    if (pos == s.size())
        return true;
    if (s[pos] == 'Z' || s[pos] == 'z')
        return ++pos == s.size();
    if (s[pos] != '+' && s[pos] != '-')
        return false;
    const int sign = s[pos++] == '-' ? -1 : 1;
    int hours = 0;
    int minutes = 0;
    if (!digits(s, pos, 2, hours))
        return false;
    if (pos < s.size()) {
        expect(s, pos, ':');
        if (!digits(s, pos, 2, minutes))
            return false;
    }
    if (hours > 23 || minutes > 59 || pos != s.size())
        return false;
    offset = sign * (hours * 3600 + minutes * 60);
    return true;
}

} // namespace

std::optional<Nanos> parseIsoTime(std::string_view s)
{
    std::size_t pos = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(s, pos, 4, year) || !expect(s, pos, '-') || !digits(s, pos, 2, month) || !expect(s, pos, '-') ||
        !digits(s, pos, 2, day))
        return std::nullopt;
    if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
        ++pos;
        if (!digits(s, pos, 2, hour) || !expect(s, pos, ':') || !digits(s, pos, 2, minute))
            return std::nullopt;
        if (pos < s.size() && s[pos] == ':' && (++pos, !digits(s, pos, 2, second)))
            return std::nullopt;
    }
    std::int64_t fraction = 0; // nanoseconds
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        std::int64_t scale = 100'000'000;
        const std::size_t first = pos;
        for (; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos) {
            fraction += (s[pos] - '0') * scale; // digits past the ninth add nothing
            scale /= 10;
        }
        if (pos == first)
            return std::nullopt;
    }
    std::int64_t offset = 0;
    if (!zoneOffset(s, pos, offset))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset;
    return seconds * 1'000'000'000 + fraction;
}

std::optional<Nanos> timeOf(const nlohmann::json& value)
{
    if (value.is_string())
        return parseIsoTime(value.get_ref<const std::string&>());
    if (!value.is_number())
        return std::nullopt;
    // Integers keep every digit; a float of epoch seconds is exact to about a microsecond.
    if (value.is_number_integer()) {
        const std::int64_t n = value.get<std::int64_t>();
        const std::int64_t magnitude = n < 0 ? -n : n;
        if (magnitude < 100'000'000'000)
            return n * 1'000'000'000;
        if (magnitude < 100'000'000'000'000)
            return n * 1'000'000;
        if (magnitude < 100'000'000'000'000'000)
            return n * 1'000;
        return n;
    }
    const double x = value.get<double>();
    if (!std::isfinite(x))
        return std::nullopt;
    const double magnitude = std::fabs(x);
    const double scale = magnitude < 1e11 ? 1e9 : magnitude < 1e14 ? 1e6 : magnitude < 1e17 ? 1e3 : 1;
    const double nanos = x * scale;
    if (std::fabs(nanos) > 9.2e18)
        return std::nullopt;
    return static_cast<Nanos>(std::llround(nanos / 1000.0)) * 1000; // to the microsecond a double holds
}

} // namespace ts::import
