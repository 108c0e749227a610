#pragma once
#include "model/time.h"

#include <optional>
#include <string_view>

namespace ts::filter {

// A since:/until: value: an age (30m, 24h, 7d, 2w) before now, a UTC date (2026-11-01) or
// date-time (2026-11-01T12:00[:SS][Z]). An until: date means the end of that day.
std::optional<Nanos> parseTimeBound(std::string_view value, Nanos now, bool until);

// Nanoseconds at 00:00 UTC of a proleptic Gregorian date.
Nanos utcMidnight(int year, unsigned month, unsigned day);

} // namespace ts::filter
