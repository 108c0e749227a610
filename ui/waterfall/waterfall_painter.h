#pragma once
#include "waterfall/time_scale.h"
#include "waterfall/waterfall_data.h"
#include "waterfall/waterfall_geometry.h"

#include <QPalette>

class QPainter;

namespace ts::ui {

// Paints one frame of the waterfall: the grid, the rows asked for, the time axis and the divider.
// Costs what the rows on screen cost, never what the trace holds.
class WaterfallPainter
{
public:
    struct RowState
    {
        bool selected = false;
        bool collapsed = false;
        bool alternate = false;
    };

    WaterfallPainter(QPainter& painter, const WaterfallData& data, const TimeScale& scale, const WaterfallGeometry& g,
                     const QPalette& palette);

    bool showCritical = true;

    void paintGrid(const std::vector<TimeScale::Tick>& ticks);
    void paintRow(std::size_t row, int y, RowState state);
    void paintHeader(const std::vector<TimeScale::Tick>& ticks);
    void paintDivider();

private:
    void paintName(std::size_t row, int y, RowState state);
    void paintBar(std::size_t row, int y);
    void paintCritical(const WaterfallRow& r, const QRectF& bar);
    void paintStream(const StreamMarks& marks, const QRectF& bar);
    void paintLabel(std::size_t row, const QRectF& bar, int y);
    double xOf(Nanos t) const { return g_.barLeft() + scale_.toX(t); }

    QPainter& p_;
    const WaterfallData& data_;
    const TimeScale& scale_;
    const WaterfallGeometry& g_;
    const QPalette& palette_;
};

inline constexpr int kIndentStep = 12;
inline constexpr std::uint32_t kMaxIndentLevels = 20; // deeper rows show their depth instead

} // namespace ts::ui
