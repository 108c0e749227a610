#pragma once
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QStackedLayout;

namespace ts::ui::charts {

// A chart with what every chart here shares: a plain sentence in its place when there is nothing to
// draw, and "Export PNG…" / "Export CSV…" on its context menu. Subclasses fill chart().
class ChartFrame : public QWidget
{
    Q_OBJECT
public:
    explicit ChartFrame(QWidget* parent = nullptr);

    // Shows text instead of the chart (the chart comes back with showChart()).
    void showMessage(const QString& text);
    bool hasChart() const;
    QString message() const;

    bool exportPng(const QString& file) const;
    bool exportCsv(const QString& file) const;
    virtual QString csv() const = 0;

protected:
    QChart* chart() const;
    QChartView* view() const { return view_; }
    void showChart();
    // Drops every series and axis, ready for new data.
    void clearChart();

private:
    void exportWithDialog(bool png);

    QChartView* view_;
    QLabel* message_;
    QStackedLayout* stack_;
};

} // namespace ts::ui::charts
