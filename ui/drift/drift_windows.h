#pragma once
#include "model/time.h"

#include <cstdint>
#include <optional>

namespace ts::ui::drift {

inline constexpr std::int64_t kAuto = 0;

// The lengths the user picked, in hours; kAuto splits the filter's time range instead (see windowsFor).
struct WindowChoice
{
    std::int64_t currentHours = 24;
    std::int64_t baselineHours = 24 * 7;

    bool operator==(const WindowChoice&) const = default;
};

// Baseline [baselineStart, split), current [split, end), on whole hours (what the rollups keep), and
// the time series' bucket: a day, or an hour when the two windows span three days or less.
struct DriftWindows
{
    Nanos baselineStart = 0, split = 0, end = 0;
    std::int64_t bucketHours = 24;

    std::int64_t baselineHours() const;
    std::int64_t currentHours() const;
    std::int64_t bucketCount() const; // whole buckets back from `end`, none starting before baselineStart
    Nanos bucketStart(std::int64_t index) const;
};

// The windows ending at the range's end (rounded up to a whole hour). Auto: the current window is an
// eighth of the range (in whole days once that is half a day or more), the baseline the rest of it (whole
// days too, then); a fixed length counts back from the end whatever the range's start. `rangeStart` may be
// unknown only for fixed lengths.
DriftWindows windowsFor(const WindowChoice& choice, std::optional<Nanos> rangeStart, Nanos rangeEnd);

} // namespace ts::ui::drift
