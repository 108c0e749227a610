#pragma once
#include "drift/drift_analysis.h"

#include <QWidget>
#include <memory>

class QLabel;
class QTableView;

namespace ts {
class TraceStore;
}

namespace ts::ui {
class AnalysisBar;
class LiveAnalyzer;
class LiveFilter;
class LiveRefresh;
namespace charts {
class BarChart;
class TimeSeriesChart;
} // namespace charts
} // namespace ts::ui

namespace ts::ui::drift {

class DriftTableModel;
class DriftWindowBar;

// The Drift panel: a baseline window against the current one, for token counts, latency, rates and
// prompt topics. A sentence says what drifted and how much; a table gives each metric's statistics
// (drifted rows marked); the selected metric's level per bucket (alarms where a bucket drifted) and,
// for a distribution, both windows' histograms. One worker job per refresh reads the rollups
// (LiveRefresh: first show, filter changes, new traces, throttled) and samples prompts.
class DriftPanel : public QWidget
{
    Q_OBJECT
public:
    DriftPanel(std::shared_ptr<TraceStore> store, LiveFilter* filter, QWidget* parent = nullptr);
    ~DriftPanel() override;

    void refresh();
    void cancel();
    void setWindowChoice(const WindowChoice& choice);
    WindowChoice windowChoice() const;
    void selectMetric(const std::string& id);
    std::string selectedMetric() const;

    // The analysis shown (nullptr before the first one), and whether anything is still to come.
    std::shared_ptr<const DriftAnalysis> analysis() const { return analysis_; }
    bool settled() const;
    QString headline() const;
    QLabel* segmentsLabel() const { return segments_; }
    QString statusText() const;
    DriftTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    DriftWindowBar* windowBar() const { return windows_; }
    charts::TimeSeriesChart* seriesChart() const { return series_; }
    charts::BarChart* histogramChart() const { return histogram_; }

Q_SIGNALS:
    void analysisShown();

private:
    QWidget* buildBody();
    void connectParts();
    void onFinished(const std::shared_ptr<const void>& result, qint64 elapsedMs);
    void showAnalysis();
    void showHeadline();
    void fitTable();
    void showCharts();
    std::string firstDrifted() const;

    LiveFilter* filter_;
    LiveAnalyzer* analyzer_;
    LiveRefresh* refresh_;
    std::shared_ptr<const DriftAnalysis> analysis_;
    bool started_ = false;
    bool userPicked_ = false; // the user chose a metric: refreshes keep it
    bool applying_ = false;   // the panel itself is moving the selection
    AnalysisBar* bar_;
    DriftWindowBar* windows_;
    QLabel* headline_;
    QLabel* segments_; // links to the routes, models and tags that drifted
    DriftTableModel* model_;
    QTableView* table_;
    charts::TimeSeriesChart* series_;
    charts::BarChart* histogram_;
};

} // namespace ts::ui::drift
