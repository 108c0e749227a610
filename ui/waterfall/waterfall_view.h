#pragma once
#include "waterfall/time_scale.h"
#include "waterfall/waterfall_data.h"
#include "waterfall/waterfall_geometry.h"

#include <QAbstractScrollArea>

#include <memory>
#include <optional>

namespace ts::ui {

// A trace on a time axis, painted: one row per span (names indented by depth on the left, bars on the
// right), coloured by what the span did, errors hatched red, retries and fallbacks labelled, the
// critical path drawn through the bars, and a streamed call's first token and token rhythm.
// Virtualised: a paint touches only the rows on screen, so a 100,000-span trace scrolls like a short one.
//
// Mouse: wheel scrolls, Ctrl+wheel zooms about the cursor, Shift+wheel or a horizontal wheel pans,
// dragging pans, a click selects, a double-click zooms to the span, the triangle folds a subtree.
// Keys: +/- zoom, 0 fits, arrows move the selection (Left/Right fold and unfold), Enter zooms to it.
class WaterfallView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    struct PaintStats
    {
        int firstRow = 0; // screen row 0 shows this visible row
        int rows = 0;     // rows painted
    };

    explicit WaterfallView(QWidget* parent = nullptr);
    ~WaterfallView() override;

    void setData(std::shared_ptr<const WaterfallData> data);
    void clear();
    const WaterfallData* data() const { return data_.get(); }

    // Rows are "visible rows" (the spans not folded away) unless they say data row.
    int rowCount() const { return static_cast<int>(visible_.size()); }
    std::size_t dataRow(int visibleRow) const { return visible_[static_cast<std::size_t>(visibleRow)]; }
    int visibleRowOf(std::size_t dataRow) const; // -1 when folded away
    int firstRowOnScreen() const;
    int rowsOnScreen() const;
    const PaintStats& lastPaint() const { return lastPaint_; }

    const TimeScale& scale() const { return scale_; }
    const WaterfallGeometry& geometryInfo() const { return geometry_; }
    double xOf(Nanos t) const { return geometry_.barLeft() + scale_.toX(t); } // viewport x
    std::optional<double> firstTokenX(std::size_t dataRow) const;             // its marker, when on screen

    bool criticalPathShown() const { return showCritical_; }
    void setCriticalPathShown(bool shown);

    void zoomBy(double factor, std::optional<double> anchorX = std::nullopt); // viewport x; default: centre
    void zoomIn() { zoomBy(1.5); }
    void zoomOut() { zoomBy(1 / 1.5); }
    void fit();
    void panBy(double pixels);
    void setWindow(Nanos t0, Nanos t1);
    void zoomToRow(std::size_t dataRow);

    void setFolded(std::size_t dataRow, bool folded);
    bool isFolded(std::size_t dataRow) const;
    std::optional<std::size_t> selectedRow() const { return selected_; } // a data row
    void selectRow(std::size_t dataRow);                                 // unfolds and scrolls to it
    std::optional<std::size_t> dataRowAt(QPoint viewportPos) const;

Q_SIGNALS:
    void selectionChanged(int dataRow); // -1: nothing selected
    void windowChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    enum class Drag { None, Pan, Divider };

    void rebuildVisible();
    void updateGeometryInfo();
    void updateScrollBars();
    void onHorizontalBar(int value);
    void windowMoved();
    void clicked(QPoint pos);
    void moveSelection(int delta);
    void foldOrParent(bool fold);
    bool onTriangle(std::size_t dataRow, QPoint pos) const;
    void ensureVisible(int visibleRow);

    std::shared_ptr<const WaterfallData> data_;
    std::vector<std::uint32_t> visible_; // data rows not folded away, in order
    std::vector<bool> folded_;           // per data row
    std::optional<std::size_t> selected_;
    TimeScale scale_;
    WaterfallGeometry geometry_;
    PaintStats lastPaint_;
    bool showCritical_ = true;
    bool syncingBar_ = false;
    Drag drag_ = Drag::None;
    QPoint pressPos_;
    QPoint lastPos_;
    int preferredNameWidth_ = 320; // what the user dragged the divider to; narrower views get less
    bool dragged_ = false;
};

} // namespace ts::ui
