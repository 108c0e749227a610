#include "waterfall/waterfall_painter.h"

#include "common/format.h"
#include "waterfall/waterfall_text.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

const QColor kErrorColor(0xd6, 0x45, 0x45);
const QColor kCriticalColor(0x1b, 0x1f, 0x2a, 230);
const QColor kTokenTickColor(255, 255, 255, 200);

QColor faded(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

} // namespace

WaterfallPainter::WaterfallPainter(QPainter& painter, const WaterfallData& data, const TimeScale& scale,
                                   const WaterfallGeometry& g, const QPalette& palette)
    : p_(painter), data_(data), scale_(scale), g_(g), palette_(palette)
{
}

void WaterfallPainter::paintGrid(const std::vector<TimeScale::Tick>& ticks)
{
    p_.setPen(faded(palette_.color(QPalette::Mid), 70));
    for (const TimeScale::Tick& t : ticks) {
        const double x = g_.barLeft() + t.x;
        p_.drawLine(QPointF(x, g_.headerHeight), QPointF(x, g_.height));
    }
}

void WaterfallPainter::paintRow(std::size_t row, int y, RowState state)
{
    const QRect line(0, y, g_.width, g_.rowHeight);
    if (state.selected)
        p_.fillRect(line, faded(palette_.color(QPalette::Highlight), 70));
    else if (state.alternate)
        p_.fillRect(line, faded(palette_.color(QPalette::AlternateBase), 160));
    paintName(row, y, state);
    p_.save();
    p_.setClipRect(QRect(g_.nameWidth + 1, y, g_.width - g_.nameWidth - 1, g_.rowHeight));
    paintBar(row, y);
    p_.restore();
}

void WaterfallPainter::paintName(std::size_t row, int y, RowState state)
{
    const WaterfallRow& r = data_.rows[row];
    p_.save();
    p_.setClipRect(QRect(0, y, g_.nameWidth - 4, g_.rowHeight));
    int x = 6 + static_cast<int>(std::min(r.depth, kMaxIndentLevels)) * kIndentStep;
    const int mid = y + g_.rowHeight / 2;
    p_.setRenderHint(QPainter::Antialiasing, true);
    if (r.subtree > 1) { // a disclosure triangle: ▸ collapsed, ▾ open
        QPainterPath arrow;
        if (state.collapsed)
            arrow.addPolygon(QPolygonF{QPointF(x + 2, mid - 4), QPointF(x + 7, mid), QPointF(x + 2, mid + 4)});
        else
            arrow.addPolygon(QPolygonF{QPointF(x, mid - 2), QPointF(x + 8, mid - 2), QPointF(x + 4, mid + 3)});
        p_.fillPath(arrow, palette_.color(QPalette::Text));
    }
    x += 12;
    p_.setPen(Qt::NoPen);
    p_.setBrush(categoryColor(r.category));
    p_.drawRoundedRect(QRectF(x, mid - 4, 8, 8), 2, 2);
    x += 13;
    p_.setRenderHint(QPainter::Antialiasing, false);
    QString name = waterfalltext::spanName(data_, row);
    if (r.depth > kMaxIndentLevels) {
        const QString depth = QString::number(r.depth) + u' ';
        p_.setPen(palette_.color(QPalette::PlaceholderText));
        p_.drawText(QRect(x, y, g_.nameWidth, g_.rowHeight), Qt::AlignVCenter | Qt::AlignLeft, depth);
        x += p_.fontMetrics().horizontalAdvance(depth);
    }
    p_.setPen(r.has(WaterfallRow::Error) ? kErrorColor : palette_.color(QPalette::Text));
    const int room = g_.nameWidth - 8 - x;
    p_.drawText(QRect(x, y, room, g_.rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                p_.fontMetrics().elidedText(name, Qt::ElideRight, room));
    p_.restore();
}

void WaterfallPainter::paintBar(std::size_t row, int y)
{
    const WaterfallRow& r = data_.rows[row];
    const Span& span = data_.spanAt(row);
    double x0 = xOf(span.start), x1 = xOf(std::max(span.end, span.start));
    if (x1 - x0 < 2) { // a span too short to see still gets a sliver
        const double mid = (x0 + x1) / 2;
        x0 = mid - 1, x1 = mid + 1;
    }
    const QRectF bar(x0, y + 4, x1 - x0, g_.rowHeight - 8);
    const bool dimmed = showCritical && !data_.path.empty() && !r.has(WaterfallRow::Critical);
    p_.fillRect(bar, faded(categoryColor(r.category), dimmed ? 110 : 255));
    if (r.has(WaterfallRow::Error)) {
        p_.fillRect(bar, QBrush(faded(kErrorColor, 200), Qt::BDiagPattern));
        p_.setPen(QPen(kErrorColor, 2));
        p_.setBrush(Qt::NoBrush);
        p_.drawRect(bar.adjusted(1, 1, -1, -1));
    }
    if (showCritical && r.sectionCount)
        paintCritical(r, bar);
    if (const StreamMarks* marks = data_.streamOf(row))
        paintStream(*marks, bar);
    paintLabel(row, bar, y);
}

// A dark line through the middle of the bar where the trace was waiting on this span itself.
void WaterfallPainter::paintCritical(const WaterfallRow& r, const QRectF& bar)
{
    const double y = bar.center().y();
    for (std::uint32_t i = r.firstSection; i < r.firstSection + r.sectionCount; ++i) {
        const CriticalSection& s = data_.sections[i];
        if (s.end < scale_.t0() || s.start > scale_.t1())
            continue;
        const double x0 = std::max(xOf(s.start), bar.left()), x1 = std::min(xOf(s.end), bar.right());
        p_.fillRect(QRectF(x0, y - 1.5, std::max(1.0, x1 - x0), 3), kCriticalColor);
    }
}

// Token rhythm: one tick per chunk in the lower half of the bar, at most one per pixel (the walk
// jumps to the next pixel's time, so a call with a million chunks costs what its width costs);
// then the first-token marker across the bar.
void WaterfallPainter::paintStream(const StreamMarks& marks, const QRectF& bar)
{
    const auto& at = marks.arrivals;
    auto it = std::lower_bound(at.begin(), at.end(), scale_.t0());
    const auto end = std::upper_bound(it, at.end(), scale_.t1());
    p_.setPen(QPen(kTokenTickColor, 1));
    while (it != end) {
        const double x = std::floor(xOf(*it)) + 0.5;
        p_.drawLine(QPointF(x, bar.center().y() + 1), QPointF(x, bar.bottom() - 1));
        it = std::lower_bound(it + 1, end, scale_.toTime(x + 0.5 - g_.barLeft()));
    }
    if (!marks.firstToken || *marks.firstToken < scale_.t0() || *marks.firstToken > scale_.t1())
        return;
    const double x = std::round(xOf(*marks.firstToken));
    const QColor ink = palette_.color(QPalette::Text);
    p_.fillRect(QRectF(x - 1, bar.top() - 3, 2, bar.height() + 6), ink);
    p_.setRenderHint(QPainter::Antialiasing, true);
    QPainterPath flag;
    flag.addPolygon(QPolygonF{QPointF(x - 4, bar.top() - 4), QPointF(x + 4, bar.top() - 4), QPointF(x, bar.top())});
    p_.fillPath(flag, ink);
    p_.setRenderHint(QPainter::Antialiasing, false);
}

// Duration and marks after the bar, or before it when the bar reaches the right edge, else inside.
void WaterfallPainter::paintLabel(std::size_t row, const QRectF& bar, int y)
{
    const QString text = waterfalltext::barLabel(data_, row);
    const int width = p_.fontMetrics().horizontalAdvance(text);
    const bool error = data_.rows[row].has(WaterfallRow::Error);
    QRectF box(bar.right() + 5, y, width + 2, g_.rowHeight);
    const bool instant = data_.spanAt(row).duration() <= 0; // "0 ms" is worth saying, quietly
    QColor color = error ? kErrorColor : palette_.color(instant ? QPalette::PlaceholderText : QPalette::Text);
    if (box.right() > g_.width - 2) {
        box.moveRight(bar.left() - 5);
        if (box.left() < g_.nameWidth + 2) { // inside the bar, on a plate so ticks and markers do not show through
            box.moveLeft(std::max(bar.left(), double(g_.nameWidth)) + 4);
            box.setWidth(width + 8);
            box.translate(-3, 0);
            p_.fillRect(box.adjusted(0, 5, 0, -5), faded(palette_.color(QPalette::Base), 225));
            box.translate(3, 0);
        }
    }
    p_.setPen(color);
    p_.drawText(box, Qt::AlignVCenter | Qt::AlignLeft, text);
}

void WaterfallPainter::paintHeader(const std::vector<TimeScale::Tick>& ticks)
{
    const QRect header(0, 0, g_.width, g_.headerHeight);
    p_.fillRect(header, palette_.color(QPalette::Window));
    p_.setPen(palette_.color(QPalette::Mid));
    p_.drawLine(0, g_.headerHeight - 1, g_.width, g_.headerHeight - 1);
    p_.setPen(palette_.color(QPalette::WindowText));
    p_.drawText(QRect(8, 0, g_.nameWidth - 16, g_.headerHeight), Qt::AlignVCenter | Qt::AlignLeft,
                u"Span"_s);
    p_.save();
    p_.setClipRect(QRect(g_.nameWidth, 0, g_.width - g_.nameWidth, g_.headerHeight));
    for (const TimeScale::Tick& t : ticks) {
        const double x = g_.barLeft() + t.x;
        p_.setPen(palette_.color(QPalette::Mid));
        p_.drawLine(QPointF(x, g_.headerHeight - 6), QPointF(x, g_.headerHeight - 1));
        p_.setPen(palette_.color(QPalette::WindowText));
        p_.drawText(QRectF(x + 3, 0, 120, g_.headerHeight - 4), Qt::AlignVCenter | Qt::AlignLeft, t.label);
    }
    if (data_.firstToken && *data_.firstToken >= scale_.t0() && *data_.firstToken <= scale_.t1()) {
        const double x = std::round(xOf(*data_.firstToken));
        const QColor ink = palette_.color(QPalette::WindowText);
        p_.setRenderHint(QPainter::Antialiasing, true);
        QPainterPath flag;
        const double bottom = g_.headerHeight - 1;
        flag.addPolygon(QPolygonF{QPointF(x - 5, bottom - 7), QPointF(x + 5, bottom - 7), QPointF(x, bottom)});
        p_.fillPath(flag, ink);
        p_.setRenderHint(QPainter::Antialiasing, false);
        // The label sits on its own background so that it reads over the tick labels.
        QFont bold = p_.font();
        bold.setBold(true);
        p_.setFont(bold);
        const QString text = u"TTFT "_s + format::duration(nsToMs(*data_.firstToken - data_.trace->root()->start));
        QRectF box(x + 7, 1, p_.fontMetrics().horizontalAdvance(text) + 8, g_.headerHeight - 9);
        if (box.right() > g_.width - 2)
            box.moveRight(x - 7);
        p_.fillRect(box, palette_.color(QPalette::Window));
        p_.drawText(box, Qt::AlignCenter, text);
    }
    p_.restore();
}

void WaterfallPainter::paintDivider()
{
    p_.setPen(palette_.color(QPalette::Mid));
    p_.drawLine(g_.nameWidth, 0, g_.nameWidth, g_.height);
}

} // namespace ts::ui
