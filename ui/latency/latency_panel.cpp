#include "latency/latency_panel.h"

#include "charts/bar_chart.h"
#include "charts/time_series_chart.h"
#include "common/analysis_bar.h"
#include "common/format.h"
#include "common/gui_settings.h"
#include "latency/latency_charts.h"
#include "live/live_analyzer.h"
#include "live/live_filter.h"
#include "live/live_filter_bar.h"
#include "live/live_refresh.h"
#include "model/time.h"
#include "trace/store.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui::latency {

namespace {

constexpr auto kSloKey = "latency/p95SloMs";
constexpr std::int64_t kHourlyUpToHours = 48; // longer ranges are drawn by day

analytics::Granularity granularityFor(const TraceFilter& filter, Nanos now)
{
    if (!filter.since)
        return analytics::Granularity::Day;
    const Nanos until = filter.until.value_or(now);
    return (until - *filter.since) <= kHourlyUpToHours * 3'600'000'000'000 ? analytics::Granularity::Hour
                                                                           : analytics::Granularity::Day;
}

QTableWidgetItem* numberItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

LatencyPanel::LatencyPanel(std::shared_ptr<TraceStore> store, LiveFilter* filter, QWidget* parent)
    : QWidget(parent), filter_(filter), analyzer_(new LiveAnalyzer(store, this)),
      live_(new LiveRefresh(store, filter, this)), bar_(new AnalysisBar(u"Latency"_s, this)),
      groupBy_(new QComboBox(this)), quantile_(new QComboBox(this)), slo_(new QSpinBox(this)),
      headline_(new QLabel(this)), tabs_(new QTabWidget(this)), percentiles_(new charts::TimeSeriesChart(this)),
      table_(new QTableWidget(this)), phases_(new charts::BarChart(this)),
      latencyHistogram_(new charts::BarChart(this)), tokenHistogram_(new charts::BarChart(this))
{
    headline_->setWordWrap(true);
    headline_->setTextFormat(Qt::PlainText);
    headline_->setStyleSheet(u"font-size: 14px; padding: 4px 0;"_s);
    tabs_->addTab(buildPercentilesTab(), u"Percentiles"_s);
    tabs_->addTab(phases_, u"Breakdown"_s);
    tabs_->addTab(buildDistributionsTab(), u"Distributions"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(bar_);
    layout->addWidget(new LiveFilterBar(filter, this));
    layout->addWidget(buildControls());
    layout->addWidget(headline_);
    layout->addWidget(tabs_, 1);
    phases_->showMessage(u"Reading…"_s);
    percentiles_->showMessage(u"Reading…"_s);
    connect(live_, &LiveRefresh::refreshDue, this, &LatencyPanel::refresh);
    connect(bar_, &AnalysisBar::refreshClicked, this, &LatencyPanel::refresh);
    connect(bar_, &AnalysisBar::cancelClicked, this, [this] {
        analyzer_->cancel();
        live_->paused(true);
    });
    connect(analyzer_, &LiveAnalyzer::finished, this, &LatencyPanel::onFinished);
    connect(analyzer_, &LiveAnalyzer::cancelled, this, [this] {
        live_->finished();
        bar_->showDone(u"Cancelled: new traces wait for Refresh"_s);
    });
    connect(analyzer_, &LiveAnalyzer::failed, this, [this](const QString& reason) {
        live_->finished();
        bar_->showFailed(reason);
        Q_EMIT analysisShown();
    });
}

LatencyPanel::~LatencyPanel() = default;

QWidget* LatencyPanel::buildControls()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    groupBy_->addItem(u"Model"_s);
    groupBy_->addItem(u"Route"_s);
    for (int q = 0; q < 4; ++q)
        quantile_->addItem(quantileName(q));
    quantile_->setCurrentIndex(2);
    slo_->setRange(0, 600'000);
    slo_->setSingleStep(100);
    slo_->setSuffix(u" ms"_s);
    slo_->setSpecialValueText(u"none"_s);
    slo_->setValue(guiSettings().value(QLatin1StringView(kSloKey), 0).toInt());
    slo_->setToolTip(u"A p95 latency target: drawn on the chart, and the days (hours) above it are counted"_s);
    layout->addWidget(new QLabel(u"Group by"_s, row));
    layout->addWidget(groupBy_);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(u"Percentile"_s, row));
    layout->addWidget(quantile_);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(u"p95 SLO"_s, row));
    layout->addWidget(slo_);
    layout->addStretch(1);
    connect(groupBy_, &QComboBox::currentIndexChanged, this, &LatencyPanel::refresh);
    connect(quantile_, &QComboBox::currentIndexChanged, this, &LatencyPanel::redrawPercentiles);
    connect(slo_, &QSpinBox::valueChanged, this, [this](int ms) {
        guiSettings().setValue(QLatin1StringView(kSloKey), ms);
        redrawPercentiles();
        if (analysis_)
            headline_->setText(headline());
    });
    return row;
}

QWidget* LatencyPanel::buildPercentilesTab()
{
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(percentiles_);
    split->addWidget(table_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    table_->setColumnCount(9);
    table_->setHorizontalHeaderLabels({u"Group"_s, u"Requests"_s, u"p50"_s, u"p90"_s, u"p95"_s, u"p99"_s,
                                       u"TTFT p50"_s, u"Per token"_s, u"Errors"_s});
    table_->horizontalHeaderItem(7)->setToolTip(u"Median time per output token after the first (streamed)"_s);
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    return split;
}

QWidget* LatencyPanel::buildDistributionsTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(latencyHistogram_);
    layout->addWidget(tokenHistogram_);
    return page;
}

void LatencyPanel::refresh()
{
    if (!filter_->error().isEmpty() && !started_)
        return;
    started_ = true;
    const Nanos now = wallNowNs();
    const TraceFilter filter = filter_->effective(now);
    const auto granularity = granularityFor(filter, now);
    const auto dimension = groupBy_->currentIndex() == 1 ? analytics::Dimension::Route : analytics::Dimension::Model;
    live_->running();
    bar_->showRunning(u"Reading the hourly rollups…"_s);
    analyzer_->start([filter, granularity, dimension](TraceReader& reader, const CancelToken& token) {
        auto analysis = std::make_shared<LatencyAnalysis>();
        analytics::RollupCube cube(granularity, dimension);
        // Grouped by model or route: the model-level rollups, unless the filter names users or tags.
        const bool done = reader.rollups(
            filter, true,
            [&](const RollupRow& row) {
                cube.add(row);
                ++analysis->rollupRows;
            },
            &token, RollupDetail::ModelLevel);
        if (!done)
            return std::shared_ptr<const void>();
        analysis->summary = analytics::summarizeLatency(cube);
        return std::shared_ptr<const void>(std::move(analysis));
    });
}

bool LatencyPanel::settled() const { return started_ && !analyzer_->running(); }

void LatencyPanel::onFinished(std::shared_ptr<const void> result, qint64 elapsedMs)
{
    analysis_ = std::static_pointer_cast<const LatencyAnalysis>(result);
    live_->finished();
    bar_->showDone(format::grouped(analysis_->summary.overall.requests) + u" requests · "_s +
                   format::grouped(analysis_->rollupRows) + u" rollup rows read in "_s +
                   QString::number(elapsedMs) + u" ms"_s);
    display(*analysis_);
    Q_EMIT analysisShown();
}

QString LatencyPanel::headline() const
{
    if (!analysis_)
        return {};
    const analytics::LatencySummary& s = analysis_->summary;
    if (s.overall.requests == 0)
        return u"No requests in this range and filter."_s;
    QString text = u"p50 "_s + format::duration(s.overall.quantiles[0]) + u" · p95 "_s +
                   format::duration(s.overall.quantiles[2]) + u" · p99 "_s + format::duration(s.overall.quantiles[3]);
    if (s.overall.ttftP50 > 0)
        text += u" · first token p50 "_s + format::duration(s.overall.ttftP50);
    if (s.overall.tpotP50 > 0)
        text += u" · "_s + format::duration(s.overall.tpotP50) + u" per output token"_s;
    const int slo = slo_->value();
    if (slo > 0) {
        int over = 0, seen = 0;
        for (std::size_t b = 0; b < s.buckets.size(); ++b) {
            const double p95 = s.overall.series[2].empty() ? 0.0 : s.overall.series[2][b];
            if (p95 <= 0)
                continue;
            ++seen;
            over += p95 > slo ? 1 : 0;
        }
        const QString unit = s.granularity == analytics::Granularity::Hour ? u"hours"_s : u"days"_s;
        const QString verdict = over == 0 ? QString(u"met in all "_s + QString::number(seen) + u' ' + unit)
                                          : QString(u"missed in "_s + QString::number(over) + u" of "_s +
                                                    QString::number(seen) + u' ' + unit);
        text += u"\nSLO p95 ≤ "_s + format::duration(slo) + u": "_s + verdict;
    }
    return text;
}

void LatencyPanel::display(const LatencyAnalysis& analysis)
{
    const analytics::LatencySummary& s = analysis.summary;
    headline_->setText(headline());
    fillTable(s);
    redrawPercentiles();
    if (s.overall.requests == 0) {
        phases_->showMessage(u"No requests in this range and filter."_s);
        latencyHistogram_->showMessage(u"No requests in this range and filter."_s);
        tokenHistogram_->showMessage(u"No requests in this range and filter."_s);
        return;
    }
    phases_->setData(phaseBars(s));
    latencyHistogram_->setData(histogramBars(s.latency, u"Latency of each request"_s, u"Requests"_s));
    if (s.tpot.empty())
        tokenHistogram_->showMessage(u"No streamed answers with two or more output tokens."_s);
    else
        tokenHistogram_->setData(histogramBars(s.tpot, u"Time between tokens (per request)"_s, u"Requests"_s));
}

void LatencyPanel::redrawPercentiles()
{
    if (!analysis_)
        return;
    const analytics::LatencySummary& s = analysis_->summary;
    if (s.overall.requests == 0) {
        percentiles_->showMessage(u"No requests in this range and filter."_s);
        return;
    }
    percentiles_->setData(percentileSeries(s, quantile_->currentIndex(), slo_->value()));
}

void LatencyPanel::fillTable(const analytics::LatencySummary& s)
{
    QList<const analytics::LatencyGroup*> rows{&s.overall};
    for (const analytics::LatencyGroup& g : s.groups)
        rows << &g;
    table_->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const analytics::LatencyGroup& g = *rows[r];
        const QString name = r == 0 ? u"All requests"_s : (g.name.empty() ? u"(none)"_s : QString::fromStdString(g.name));
        table_->setItem(r, 0, new QTableWidgetItem(name));
        table_->setItem(r, 1, numberItem(format::grouped(g.requests)));
        for (int q = 0; q < 4; ++q)
            table_->setItem(r, 2 + q, numberItem(format::duration(g.quantiles[static_cast<std::size_t>(q)])));
        table_->setItem(r, 6, numberItem(g.ttftP50 > 0 ? format::duration(g.ttftP50) : u"—"_s));
        table_->setItem(r, 7, numberItem(g.tpotP50 > 0 ? format::duration(g.tpotP50) : u"—"_s));
        table_->setItem(r, 8, numberItem(QString::number(g.errorRate * 100, 'f', 1) + u'%'));
    }
    table_->resizeColumnsToContents();
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

void LatencyPanel::setGroupByRoute(bool byRoute) { groupBy_->setCurrentIndex(byRoute ? 1 : 0); }
void LatencyPanel::setQuantile(int quantile) { quantile_->setCurrentIndex(quantile); }
void LatencyPanel::setSloMs(int ms) { slo_->setValue(ms); }

} // namespace ts::ui::latency
