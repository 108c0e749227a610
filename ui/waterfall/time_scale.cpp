#include "waterfall/time_scale.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

struct Unit
{
    Nanos ns;
    QString name;
};

// The unit a label is written in follows the step, so "1500 ms" becomes "1.5 s" only once the
// ticks are half a second or more apart.
Unit unitFor(Nanos step)
{
    if (step >= 500 * kNsPerMs)
        return {kNsPerSec, u"s"_s};
    if (step >= 500'000)
        return {kNsPerMs, u"ms"_s};
    if (step >= 500)
        return {1000, u"µs"_s};
    return {1, u"ns"_s};
}

} // namespace

void TimeScale::setRange(Nanos start, Nanos end)
{
    start_ = start;
    end_ = std::max(end, start + kMinWindow);
    fit();
}

void TimeScale::setWidth(int pixels) { width_ = std::max(1, pixels); }

void TimeScale::setWindow(Nanos t0, Nanos t1)
{
    const Nanos range = end_ - start_;
    const Nanos window = std::clamp(t1 - t0, std::min(kMinWindow, range), range);
    t0_ = std::clamp(t0, start_, end_ - window);
    t1_ = t0_ + window;
}

double TimeScale::nsPerPixel() const { return static_cast<double>(window()) / width_; }

double TimeScale::toX(Nanos t) const { return static_cast<double>(t - t0_) / nsPerPixel(); }

Nanos TimeScale::toTime(double x) const { return t0_ + std::llround(x * nsPerPixel()); }

void TimeScale::zoom(double factor, double anchorX)
{
    if (!(factor > 0))
        return;
    const Nanos anchor = toTime(anchorX);
    const double window = std::clamp(static_cast<double>(this->window()) / factor, static_cast<double>(kMinWindow),
                                     static_cast<double>(end_ - start_));
    const Nanos t0 = anchor - std::llround(anchorX * window / width_);
    setWindow(t0, t0 + std::llround(window));
}

void TimeScale::pan(double pixels)
{
    const Nanos shift = std::llround(pixels * nsPerPixel());
    setWindow(t0_ + shift, t1_ + shift);
}

Nanos TimeScale::niceStep(double roughNs)
{
    Nanos magnitude = 1;
    while (magnitude <= std::numeric_limits<Nanos>::max() / 10 && static_cast<double>(magnitude) * 10 <= roughNs)
        magnitude *= 10;
    for (Nanos m : {Nanos(1), Nanos(2), Nanos(5), Nanos(10)})
        if (static_cast<double>(magnitude * m) >= roughNs)
            return magnitude * m;
    return magnitude * 10;
}

QString TimeScale::label(Nanos sinceStart, Nanos step)
{
    if (sinceStart == 0)
        return u"0"_s;
    const Unit unit = unitFor(step);
    // As many decimals as the step needs: a 200 µs step in ms shows one, a 5 ms step none.
    int decimals = 0;
    for (Nanos s = step; s < unit.ns && decimals < 9; s *= 10)
        ++decimals;
    return QString::number(static_cast<double>(sinceStart) / static_cast<double>(unit.ns), 'f', decimals) + u' ' +
           unit.name;
}

std::vector<TimeScale::Tick> TimeScale::ticks(int minSpacing) const
{
    std::vector<Tick> out;
    const Nanos step = niceStep(std::max(1, minSpacing) * nsPerPixel());
    const Nanos from = t0_ - start_;
    Nanos offset = (from + step - 1) / step * step; // the first multiple of step at or after t0
    for (; start_ + offset <= t1_; offset += step)
        out.push_back({start_ + offset, toX(start_ + offset), label(offset, step)});
    return out;
}

} // namespace ts::ui
