#include "drift/drift_windows.h"

#include "trace/rollup.h"

#include <algorithm>

namespace ts::ui::drift {

namespace {

constexpr Nanos kHour = kRollupBucketNs;

std::int64_t autoCurrentHours(std::int64_t rangeHours)
{
    const std::int64_t eighth = std::max<std::int64_t>(rangeHours / 8, 1);
    return eighth < 12 ? eighth : std::max<std::int64_t>((eighth + 12) / 24, 1) * 24;
}

} // namespace

std::int64_t DriftWindows::baselineHours() const { return (split - baselineStart) / kHour; }
std::int64_t DriftWindows::currentHours() const { return (end - split) / kHour; }

// Whole buckets only: a partial one at the start would read as a dip.
std::int64_t DriftWindows::bucketCount() const
{
    return std::max<std::int64_t>((end - baselineStart) / kHour / bucketHours, 1);
}

Nanos DriftWindows::bucketStart(std::int64_t index) const
{
    return end - (bucketCount() - index) * bucketHours * kHour;
}

DriftWindows windowsFor(const WindowChoice& choice, std::optional<Nanos> rangeStart, Nanos rangeEnd)
{
    DriftWindows w;
    w.end = (rollupHourOf(rangeEnd - 1) + 1) * kHour;
    const std::int64_t rangeHours =
        rangeStart ? std::max<std::int64_t>(w.end / kHour - rollupHourOf(*rangeStart), 2) : 2;
    const std::int64_t current = choice.currentHours == kAuto ? autoCurrentHours(rangeHours) : choice.currentHours;
    std::int64_t baseline = choice.baselineHours;
    if (baseline == kAuto) {
        baseline = std::max<std::int64_t>(rangeHours - std::min(current, rangeHours - 1), 1);
        if (current % 24 == 0 && baseline >= 24)
            baseline -= baseline % 24; // whole days beside a current window of whole days
    }
    w.split = w.end - current * kHour;
    w.baselineStart = w.split - baseline * kHour;
    w.bucketHours = current + baseline > 72 ? 24 : 1;
    return w;
}

} // namespace ts::ui::drift
