#include "waterfall/waterfall_view.h"

#include "waterfall/waterfall_painter.h"
#include "waterfall/waterfall_text.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace ts::ui {

namespace {

constexpr int kHorizontalUnits = 100'000; // the horizontal bar's range stands for the trace's
constexpr int kDragThreshold = 4;
constexpr int kMinNameWidth = 120;
constexpr double kWheelZoomPerNotch = 1.25;
constexpr double kWheelPanPerNotch = 80; // pixels

} // namespace

WaterfallView::WaterfallView(QWidget* parent) : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setMouseTracking(true); // the divider's cursor
    setAccessibleName(QStringLiteral("Waterfall"));
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this, &WaterfallView::onHorizontalBar);
    updateGeometryInfo();
}

WaterfallView::~WaterfallView() = default;

void WaterfallView::setData(std::shared_ptr<const WaterfallData> data)
{
    data_ = std::move(data);
    const std::size_t n = data_ ? data_->rows.size() : 0;
    folded_.assign(n, false);
    selected_.reset();
    rebuildVisible();
    if (data_)
        scale_.setRange(data_->start, data_->end);
    updateGeometryInfo();
    verticalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
    Q_EMIT selectionChanged(-1);
    Q_EMIT windowChanged();
}

void WaterfallView::clear() { setData(nullptr); }

void WaterfallView::rebuildVisible()
{
    visible_.clear();
    if (!data_)
        return;
    visible_.reserve(data_->rows.size());
    for (std::size_t r = 0; r < data_->rows.size(); r += folded_[r] ? data_->rows[r].subtree : 1)
        visible_.push_back(static_cast<std::uint32_t>(r));
}

int WaterfallView::visibleRowOf(std::size_t dataRow) const
{
    const auto it = std::lower_bound(visible_.begin(), visible_.end(), dataRow);
    return it != visible_.end() && *it == dataRow ? static_cast<int>(it - visible_.begin()) : -1;
}

int WaterfallView::firstRowOnScreen() const { return verticalScrollBar()->value(); }

int WaterfallView::rowsOnScreen() const
{
    return std::max(0, std::min(geometry_.rowsVisible(), rowCount() - firstRowOnScreen()));
}

std::optional<double> WaterfallView::firstTokenX(std::size_t dataRow) const
{
    const StreamMarks* marks = data_ ? data_->streamOf(dataRow) : nullptr;
    if (!marks || !marks->firstToken || *marks->firstToken < scale_.t0() || *marks->firstToken > scale_.t1())
        return std::nullopt;
    return std::round(xOf(*marks->firstToken));
}

void WaterfallView::setCriticalPathShown(bool shown)
{
    showCritical_ = shown;
    viewport()->update();
}

void WaterfallView::zoomBy(double factor, std::optional<double> anchorX)
{
    const double x = anchorX.value_or(geometry_.barLeft() + geometry_.barWidth() / 2.0) - geometry_.barLeft();
    scale_.zoom(factor, std::clamp(x, 0.0, double(geometry_.barWidth())));
    windowMoved();
}

void WaterfallView::fit()
{
    scale_.fit();
    windowMoved();
}

void WaterfallView::panBy(double pixels)
{
    scale_.pan(pixels);
    windowMoved();
}

void WaterfallView::setWindow(Nanos t0, Nanos t1)
{
    scale_.setWindow(t0, t1);
    windowMoved();
}

void WaterfallView::zoomToRow(std::size_t dataRow)
{
    if (!data_ || dataRow >= data_->rows.size())
        return;
    const Span& span = data_->spanAt(dataRow);
    const Nanos pad = std::max<Nanos>(span.duration() / 20, TimeScale::kMinWindow / 2);
    setWindow(span.start - pad, span.end + pad);
}

void WaterfallView::windowMoved()
{
    updateScrollBars();
    viewport()->update();
    Q_EMIT windowChanged();
}

void WaterfallView::setFolded(std::size_t dataRow, bool folded)
{
    if (!data_ || dataRow >= folded_.size() || data_->rows[dataRow].subtree <= 1 || folded_[dataRow] == folded)
        return;
    const std::size_t top = rowCount() ? this->dataRow(firstRowOnScreen()) : 0;
    folded_[dataRow] = folded;
    rebuildVisible();
    if (selected_ && visibleRowOf(*selected_) < 0)
        selected_ = dataRow; // the selection was folded away: its ancestor takes it
    updateScrollBars();
    const auto it = std::upper_bound(visible_.begin(), visible_.end(), top); // keep the top row in place
    verticalScrollBar()->setValue(static_cast<int>(it - visible_.begin()) - 1);
    viewport()->update();
}

bool WaterfallView::isFolded(std::size_t dataRow) const { return dataRow < folded_.size() && folded_[dataRow]; }

void WaterfallView::selectRow(std::size_t dataRow)
{
    if (!data_ || dataRow >= data_->rows.size())
        return;
    if (visibleRowOf(dataRow) < 0) { // unfold its ancestors: the rows before it whose subtree holds it
        for (std::size_t r = dataRow; r-- > 0;)
            if (r + data_->rows[r].subtree > dataRow)
                folded_[r] = false;
        rebuildVisible();
        updateScrollBars();
    }
    selected_ = dataRow;
    ensureVisible(visibleRowOf(dataRow));
    viewport()->update();
    Q_EMIT selectionChanged(static_cast<int>(dataRow));
}

std::optional<std::size_t> WaterfallView::dataRowAt(QPoint pos) const
{
    if (pos.y() < geometry_.headerHeight)
        return std::nullopt;
    const int row = firstRowOnScreen() + (pos.y() - geometry_.headerHeight) / geometry_.rowHeight;
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    return dataRow(row);
}

void WaterfallView::ensureVisible(int visibleRow)
{
    const int full = std::max(1, (geometry_.height - geometry_.headerHeight) / geometry_.rowHeight);
    if (visibleRow < firstRowOnScreen())
        verticalScrollBar()->setValue(visibleRow);
    else if (visibleRow >= firstRowOnScreen() + full)
        verticalScrollBar()->setValue(visibleRow - full + 1);
}

void WaterfallView::updateGeometryInfo()
{
    geometry_.width = viewport()->width();
    geometry_.height = viewport()->height();
    geometry_.rowHeight = fontMetrics().height() + 8;
    geometry_.headerHeight = geometry_.rowHeight + 4;
    geometry_.nameWidth = std::clamp(preferredNameWidth_, kMinNameWidth, std::max(kMinNameWidth, geometry_.width * 2 / 5));
    scale_.setWidth(geometry_.barWidth());
}

void WaterfallView::updateScrollBars()
{
    const int full = std::max(1, (geometry_.height - geometry_.headerHeight) / geometry_.rowHeight);
    verticalScrollBar()->setRange(0, std::max(0, rowCount() - full));
    verticalScrollBar()->setPageStep(full);
    verticalScrollBar()->setSingleStep(1);
    const double range = static_cast<double>(scale_.rangeEnd() - scale_.rangeStart());
    const int page = std::max(1, static_cast<int>(std::lround(kHorizontalUnits * static_cast<double>(scale_.window()) / range)));
    syncingBar_ = true;
    horizontalScrollBar()->setRange(0, kHorizontalUnits - page);
    horizontalScrollBar()->setPageStep(page);
    horizontalScrollBar()->setSingleStep(std::max(1, page / 20));
    horizontalScrollBar()->setValue(
        static_cast<int>(std::lround(kHorizontalUnits * static_cast<double>(scale_.t0() - scale_.rangeStart()) / range)));
    syncingBar_ = false;
}

void WaterfallView::onHorizontalBar(int value)
{
    if (syncingBar_)
        return;
    const double range = static_cast<double>(scale_.rangeEnd() - scale_.rangeStart());
    const Nanos t0 = scale_.rangeStart() + std::llround(range * value / kHorizontalUnits);
    scale_.setWindow(t0, t0 + scale_.window());
    viewport()->update();
    Q_EMIT windowChanged();
}

void WaterfallView::paintEvent(QPaintEvent*)
{
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), palette().color(QPalette::Base));
    lastPaint_ = {firstRowOnScreen(), 0};
    if (!data_)
        return;
    const std::vector<TimeScale::Tick> ticks = scale_.ticks(90);
    WaterfallPainter painter(p, *data_, scale_, geometry_, palette());
    painter.showCritical = showCritical_;
    painter.paintGrid(ticks);
    const int first = firstRowOnScreen(), rows = rowsOnScreen();
    for (int i = 0; i < rows; ++i) {
        const std::size_t row = dataRow(first + i);
        painter.paintRow(row, geometry_.rowTop(i), {selected_ == row, isFolded(row), (first + i) % 2 == 1});
    }
    lastPaint_.rows = rows;
    painter.paintHeader(ticks);
    painter.paintDivider();
}

void WaterfallView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateGeometryInfo();
    updateScrollBars();
}

void WaterfallView::scrollContentsBy(int, int) { viewport()->update(); }

void WaterfallView::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(std::pow(kWheelZoomPerNotch, delta.y() / 120.0), event->position().x());
    } else if ((event->modifiers() & Qt::ShiftModifier) || std::abs(delta.x()) > std::abs(delta.y())) {
        const int d = delta.x() ? delta.x() : delta.y();
        panBy(-d / 120.0 * kWheelPanPerNotch);
    } else {
        QAbstractScrollArea::wheelEvent(event);
        return;
    }
    event->accept();
}

void WaterfallView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    pressPos_ = lastPos_ = event->position().toPoint();
    dragged_ = false;
    drag_ = std::abs(pressPos_.x() - geometry_.nameWidth) <= 3 ? Drag::Divider : Drag::Pan;
}

void WaterfallView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (drag_ == Drag::None) {
        viewport()->setCursor(std::abs(pos.x() - geometry_.nameWidth) <= 3 ? Qt::SplitHCursor : Qt::ArrowCursor);
        return;
    }
    if (drag_ == Drag::Divider) {
        preferredNameWidth_ = std::max(kMinNameWidth, pos.x());
        updateGeometryInfo();
        windowMoved();
        return;
    }
    if (!dragged_ && (pos - pressPos_).manhattanLength() < kDragThreshold)
        return;
    if (!dragged_)
        viewport()->setCursor(Qt::ClosedHandCursor);
    dragged_ = true;
    const int rowsMoved = (pos.y() - lastPos_.y()) / geometry_.rowHeight;
    if (rowsMoved) {
        verticalScrollBar()->setValue(verticalScrollBar()->value() - rowsMoved);
        lastPos_.ry() += rowsMoved * geometry_.rowHeight;
    }
    panBy(lastPos_.x() - pos.x());
    lastPos_.rx() = pos.x();
}

void WaterfallView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mouseReleaseEvent(event);
    if (drag_ == Drag::Pan && !dragged_)
        clicked(event->position().toPoint());
    drag_ = Drag::None;
    viewport()->setCursor(Qt::ArrowCursor);
}

void WaterfallView::mouseDoubleClickEvent(QMouseEvent* event)
{
    const auto row = dataRowAt(event->position().toPoint());
    if (row && !onTriangle(*row, event->position().toPoint()))
        zoomToRow(*row);
}

bool WaterfallView::onTriangle(std::size_t row, QPoint pos) const
{
    const int x = 6 + static_cast<int>(std::min(data_->rows[row].depth, kMaxIndentLevels)) * kIndentStep;
    return data_->rows[row].subtree > 1 && pos.x() >= x - 4 && pos.x() <= x + 12;
}

void WaterfallView::clicked(QPoint pos)
{
    const auto row = dataRowAt(pos);
    if (!row)
        return;
    if (onTriangle(*row, pos))
        setFolded(*row, !isFolded(*row));
    else
        selectRow(*row);
}

void WaterfallView::moveSelection(int delta)
{
    if (!rowCount())
        return;
    const int current = selected_ ? visibleRowOf(*selected_) : -1;
    selectRow(dataRow(std::clamp(current + delta, 0, rowCount() - 1)));
}

// Left folds an open subtree, else goes to the parent; Right unfolds, else goes to the first child.
void WaterfallView::foldOrParent(bool fold)
{
    if (!selected_)
        return;
    const std::size_t row = *selected_;
    const bool hasChildren = data_->rows[row].subtree > 1;
    if (fold && hasChildren && !isFolded(row))
        return setFolded(row, true);
    if (!fold && isFolded(row))
        return setFolded(row, false);
    if (!fold && hasChildren)
        return selectRow(row + 1);
    if (fold)
        for (std::size_t r = row; r-- > 0;)
            if (r + data_->rows[r].subtree > row)
                return selectRow(r);
}

void WaterfallView::keyPressEvent(QKeyEvent* event)
{
    const int page = std::max(1, geometry_.rowsVisible() - 1);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); break;
    case Qt::Key_Minus: zoomOut(); break;
    case Qt::Key_0: fit(); break;
    case Qt::Key_Up: moveSelection(-1); break;
    case Qt::Key_Down: moveSelection(1); break;
    case Qt::Key_PageUp: moveSelection(-page); break;
    case Qt::Key_PageDown: moveSelection(page); break;
    case Qt::Key_Home: moveSelection(-rowCount()); break;
    case Qt::Key_End: moveSelection(rowCount()); break;
    case Qt::Key_Left: foldOrParent(true); break;
    case Qt::Key_Right: foldOrParent(false); break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (selected_)
            zoomToRow(*selected_);
        break;
    default: return QAbstractScrollArea::keyPressEvent(event);
    }
    event->accept();
}

bool WaterfallView::viewportEvent(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QAbstractScrollArea::viewportEvent(event);
    auto* help = static_cast<QHelpEvent*>(event);
    const auto row = dataRowAt(help->pos());
    if (!row) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    const int top = geometry_.rowTop(visibleRowOf(*row) - firstRowOnScreen());
    QToolTip::showText(help->globalPos(), waterfalltext::toolTip(*data_, *row), viewport(),
                       QRect(0, top, geometry_.width, geometry_.rowHeight));
    return true;
}

} // namespace ts::ui
