#pragma once
#include "model/time.h"

#include <QString>

#include <vector>

namespace ts::ui {

// The waterfall's time axis: which stretch [t0, t1] of the trace's range [start, end] is shown across
// how many pixels. x = 0 is the left edge of the bars. The window never leaves the range and is never
// narrower than kMinWindow, so zooming in stops at about a nanosecond a pixel.
class TimeScale
{
public:
    static constexpr Nanos kMinWindow = 1000;

    struct Tick
    {
        Nanos at = 0;  // absolute time
        double x = 0;  // pixel position
        QString label; // time since the range start: "0", "250 µs", "1.5 ms", "12 s"
    };

    void setRange(Nanos start, Nanos end); // shows the whole range
    void setWidth(int pixels);
    void setWindow(Nanos t0, Nanos t1);    // clamped into the range
    void fit() { setWindow(start_, end_); }

    Nanos rangeStart() const { return start_; }
    Nanos rangeEnd() const { return end_; }
    Nanos t0() const { return t0_; }
    Nanos t1() const { return t1_; }
    Nanos window() const { return t1_ - t0_; }
    int width() const { return width_; }
    bool fitted() const { return t0_ == start_ && t1_ == end_; }
    double nsPerPixel() const;

    double toX(Nanos t) const;
    Nanos toTime(double x) const;

    // factor > 1 zooms in. The time under anchorX stays under it unless the window hits the range.
    void zoom(double factor, double anchorX);
    // Moves the window by `pixels` to the right (later times); negative moves it left.
    void pan(double pixels);

    // Ticks at a round step (1, 2 or 5 × 10^k ns) at least minSpacing pixels apart.
    std::vector<Tick> ticks(int minSpacing) const;
    static Nanos niceStep(double roughNs);
    static QString label(Nanos sinceStart, Nanos step);

private:
    Nanos start_ = 0;
    Nanos end_ = kMinWindow;
    Nanos t0_ = 0;
    Nanos t1_ = kMinWindow;
    int width_ = 1;
};

} // namespace ts::ui
