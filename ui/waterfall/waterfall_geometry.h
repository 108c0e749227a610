#pragma once
#include <QRect>

namespace ts::ui {

// Where things are in the waterfall's viewport: the time axis header on top, the span names on
// the left, the bars to the right of the divider.
struct WaterfallGeometry
{
    int width = 0;
    int height = 0;
    int headerHeight = 26;
    int rowHeight = 22;
    int nameWidth = 300;
    static constexpr int kBarPadding = 10; // between the divider and time zero, and after the end

    int barLeft() const { return nameWidth + kBarPadding; }
    int barRight() const { return width - kBarPadding; }
    int barWidth() const { return barRight() - barLeft() > 1 ? barRight() - barLeft() : 1; }
    int rowsVisible() const { return height > headerHeight ? (height - headerHeight + rowHeight - 1) / rowHeight : 0; }
    int rowTop(int screenRow) const { return headerHeight + screenRow * rowHeight; }
    QRect bars() const { return QRect(nameWidth, headerHeight, width - nameWidth, height - headerHeight); }
};

} // namespace ts::ui
