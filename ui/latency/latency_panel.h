#pragma once
#include "analytics/latency_summary.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QSpinBox;
class QTabWidget;
class QTableWidget;

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

namespace ts::ui::latency {

// What one read of the rollups gave: the summary, and what it took.
struct LatencyAnalysis
{
    analytics::LatencySummary summary;
    std::int64_t rollupRows = 0;
};

// The Latency panel: p50/p90/p95/p99 per model or route over time against a p95 SLO the user sets,
// each request decomposed into guards, cache, queue, network and first token, generation, tools and
// the rest, and the histograms of latency and of time per output token. Reads the hourly rollups on
// a worker under the shared live filter and follows new traces (LiveRefresh).
class LatencyPanel : public QWidget
{
    Q_OBJECT
public:
    LatencyPanel(std::shared_ptr<TraceStore> store, LiveFilter* filter, QWidget* parent = nullptr);
    ~LatencyPanel() override;

    void refresh();
    bool settled() const;
    std::shared_ptr<const LatencyAnalysis> analysis() const { return analysis_; }
    QString headline() const;
    void setGroupByRoute(bool byRoute);
    void setQuantile(int quantile); // index into kLatencyQuantiles
    void setSloMs(int ms);          // 0: none

    charts::TimeSeriesChart* percentileChart() const { return percentiles_; }
    charts::BarChart* phaseChart() const { return phases_; }
    charts::BarChart* latencyHistogram() const { return latencyHistogram_; }
    charts::BarChart* tokenHistogram() const { return tokenHistogram_; }
    QTableWidget* groupTable() const { return table_; }

Q_SIGNALS:
    void analysisShown();

private:
    QWidget* buildControls();
    QWidget* buildPercentilesTab();
    QWidget* buildDistributionsTab();
    void onFinished(std::shared_ptr<const void> result, qint64 elapsedMs);
    void display(const LatencyAnalysis& analysis);
    void fillTable(const analytics::LatencySummary& summary);
    void redrawPercentiles();

    LiveFilter* filter_;
    LiveAnalyzer* analyzer_;
    LiveRefresh* live_;
    AnalysisBar* bar_;
    QComboBox* groupBy_;
    QComboBox* quantile_;
    QSpinBox* slo_;
    QLabel* headline_;
    QTabWidget* tabs_;
    charts::TimeSeriesChart* percentiles_;
    QTableWidget* table_;
    charts::BarChart* phases_;
    charts::BarChart* latencyHistogram_;
    charts::BarChart* tokenHistogram_;
    std::shared_ptr<const LatencyAnalysis> analysis_;
    bool started_ = false;
};

} // namespace ts::ui::latency
