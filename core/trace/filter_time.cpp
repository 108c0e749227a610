#include "trace/filter_time.h"

#include <charconv>

namespace ts::filter {

namespace {

constexpr Nanos kNsPerMinute = 60 * kNsPerSec;
constexpr Nanos kNsPerDay = 24 * 60 * kNsPerMinute;

// Reads exactly `width` digits at `at` into value, advancing `at`.
bool digits(std::string_view s, size_t& at, size_t width, int& value)
{
    if (at + width > s.size())
        return false;
    const auto [end, ec] = std::from_chars(s.data() + at, s.data() + at + width, value);
    if (ec != std::errc() || end != s.data() + at + width)
        return false;
    at += width;
    return true;
}

bool expect(std::string_view s, size_t& at, char c)
{
    if (at >= s.size() || s[at] != c)
        return false;
    ++at;
    return true;
}

std::optional<Nanos> age(std::string_view value, Nanos now)
{
    static constexpr std::string_view kUnits = "smhdw";
    static constexpr Nanos kUnitNs[] = {kNsPerSec, kNsPerMinute, 60 * kNsPerMinute, kNsPerDay, 7 * kNsPerDay};
    if (value.size() < 2)
        return std::nullopt;
    const size_t unit = kUnits.find(value.back());
    std::int64_t count = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size() - 1, count);
    if (unit == std::string_view::npos || ec != std::errc() || end != value.data() + value.size() - 1 ||
        count < 0)
        return std::nullopt;
    return now - count * kUnitNs[unit];
}

unsigned daysInMonth(int year, unsigned month)
{
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<Nanos> date(std::string_view s, size_t& at)
{
    int year = 0, month = 0, day = 0;
    if (!digits(s, at, 4, year) || !expect(s, at, '-') || !digits(s, at, 2, month) || !expect(s, at, '-') ||
        !digits(s, at, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 ||
        static_cast<unsigned>(day) > daysInMonth(year, static_cast<unsigned>(month)))
        return std::nullopt;
    return utcMidnight(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::optional<Nanos> timeOfDay(std::string_view s, size_t& at)
{
    int hour = 0, minute = 0, second = 0;
    if (!digits(s, at, 2, hour) || !expect(s, at, ':') || !digits(s, at, 2, minute))
        return std::nullopt;
    if (expect(s, at, ':') && !digits(s, at, 2, second))
        return std::nullopt;
    expect(s, at, 'Z');
    if (hour > 23 || minute > 59 || second > 59 || at != s.size())
        return std::nullopt;
    return (hour * 60 + minute) * kNsPerMinute + second * kNsPerSec;
}

} // namespace

Nanos utcMidnight(int year, unsigned month, unsigned day)
{
    // Howard Hinnant's days_from_civil.
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const auto yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (static_cast<Nanos>(era) * 146097 + static_cast<Nanos>(doe) - 719468) * kNsPerDay;
}

std::optional<Nanos> parseTimeBound(std::string_view value, Nanos now, bool until)
{
    if (auto relative = age(value, now))
        return relative;
    size_t at = 0;
    const auto day = date(value, at);
    if (!day)
        return std::nullopt;
    if (at == value.size())
        return until ? *day + kNsPerDay : *day;
    if (value[at] != 'T' && value[at] != 't')
        return std::nullopt;
    const auto time = timeOfDay(value, ++at);
    return time ? std::optional<Nanos>(*day + *time) : std::nullopt;
}

} // namespace ts::filter
