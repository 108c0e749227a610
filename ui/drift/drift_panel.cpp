#include "drift/drift_panel.h"

#include "charts/bar_chart.h"
#include "charts/time_series_chart.h"
#include "common/analysis_bar.h"
#include "common/format.h"
#include "drift/drift_charts.h"
#include "drift/drift_table_model.h"
#include "drift/drift_text.h"
#include "drift/drift_window_bar.h"
#include "live/live_analyzer.h"
#include "live/live_filter.h"
#include "live/live_filter_bar.h"
#include "live/live_refresh.h"
#include "trace/store.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui::drift {

namespace {

QString statusOf(const DriftAnalysis& a, qint64 elapsedMs)
{
    return u"Baseline "_s + format::grouped(a.baseline.sums.requests) + u" requests, current "_s +
           format::grouped(a.current.sums.requests) + u"; topics from "_s +
           format::grouped(static_cast<std::int64_t>(a.baselinePrompts)) + u" and "_s +
           format::grouped(static_cast<std::int64_t>(a.currentPrompts)) + u" sampled prompts. Read in "_s +
           format::duration(static_cast<double>(elapsedMs)) + u'.';
}

QLabel* headlineLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(u"What drifted"_s);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.35);
    label->setFont(font);
    return label;
}

QLabel* makeSegmentsLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setAccessibleName(u"Routes, models and tags that drifted"_s);
    label->hide();
    return label;
}

QTableView* tableView(QAbstractItemModel* model, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(false);
    return view;
}

} // namespace

DriftPanel::DriftPanel(std::shared_ptr<TraceStore> store, LiveFilter* filter, QWidget* parent)
    : QWidget(parent), filter_(filter), analyzer_(new LiveAnalyzer(store, this)),
      refresh_(new LiveRefresh(store, filter, this)), bar_(new AnalysisBar(u"Drift"_s, this)),
      windows_(new DriftWindowBar(this)), headline_(headlineLabel(this)), segments_(makeSegmentsLabel(this)),
      model_(new DriftTableModel(this)),
      table_(tableView(model_, this)), series_(new charts::TimeSeriesChart(this)),
      histogram_(new charts::BarChart(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    bar_->setStatusWordWrap(true);
    layout->addWidget(bar_);
    layout->addWidget(new LiveFilterBar(filter, this));
    layout->addWidget(windows_);
    layout->addWidget(headline_);
    layout->addWidget(segments_);
    layout->addWidget(buildBody(), 1);
    series_->showMessage(u"Reading the rollups…"_s);
    histogram_->showMessage(QString());
    connectParts();
}

DriftPanel::~DriftPanel() = default;

// The table over the time series on the left, the histogram the height of both on the right.
QWidget* DriftPanel::buildBody()
{
    auto* left = new QSplitter(Qt::Vertical, this);
    left->addWidget(table_);
    left->addWidget(series_);
    left->setStretchFactor(1, 1);
    left->setChildrenCollapsible(false);
    series_->setMinimumHeight(220);
    auto* body = new QSplitter(Qt::Horizontal, this);
    body->addWidget(left);
    body->addWidget(histogram_);
    body->setStretchFactor(0, 3);
    body->setStretchFactor(1, 2);
    body->setSizes({700, 560}); // the table's natural width would squeeze the histogram's labels
    return body;
}

void DriftPanel::connectParts()
{
    connect(refresh_, &LiveRefresh::refreshDue, this, &DriftPanel::refresh);
    connect(windows_, &DriftWindowBar::choiceChanged, this, [this] {
        if (started_)
            refresh();
    });
    connect(analyzer_, &LiveAnalyzer::finished, this, &DriftPanel::onFinished);
    connect(analyzer_, &LiveAnalyzer::failed, this, [this](const QString& reason) {
        refresh_->finished();
        bar_->showFailed(reason);
    });
    connect(analyzer_, &LiveAnalyzer::cancelled, this, [this] {
        refresh_->paused(true);
        refresh_->finished();
        bar_->showDone(u"Cancelled: new traces wait for Refresh."_s);
    });
    connect(segments_, &QLabel::linkActivated, this, [this](const QString& term) {
        filter_->setText(QString(filter_->text().trimmed() + u' ' + term).trimmed());
    });
    connect(bar_, &AnalysisBar::cancelClicked, this, &DriftPanel::cancel);
    connect(bar_, &AnalysisBar::refreshClicked, this, [this] {
        refresh_->paused(false);
        refresh();
    });
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                userPicked_ = userPicked_ || !applying_;
                if (current.isValid())
                    showCharts();
            });
}

void DriftPanel::refresh()
{
    started_ = true;
    DriftRequest request;
    request.now = wallNowNs();
    request.filter = filter_->effective(request.now);
    request.choice = windows_->choice();
    refresh_->running();
    bar_->showRunning(u"Reading the rollups…"_s);
    analyzer_->start([request](TraceReader& reader, const CancelToken& cancel) -> std::shared_ptr<const void> {
        return analyzeDrift(reader, request, cancel);
    });
}

void DriftPanel::cancel()
{
    analyzer_->cancel();
}

void DriftPanel::setWindowChoice(const WindowChoice& choice)
{
    windows_->setChoice(choice);
}

WindowChoice DriftPanel::windowChoice() const
{
    return windows_->choice();
}

void DriftPanel::selectMetric(const std::string& id)
{
    const int row = model_->rowOf(id);
    if (row < 0)
        return;
    userPicked_ = true;
    table_->setCurrentIndex(model_->index(row, 0));
    showCharts();
}

std::string DriftPanel::selectedMetric() const
{
    const QModelIndex current = table_->currentIndex();
    return current.isValid() ? model_->data(current, DriftTableModel::MetricIdRole).toString().toStdString()
                             : std::string();
}

bool DriftPanel::settled() const
{
    return started_ && analysis_ && !analyzer_->running() && !refresh_->pending();
}

QString DriftPanel::headline() const
{
    return headline_->text();
}

QString DriftPanel::statusText() const
{
    return bar_->status();
}

void DriftPanel::onFinished(const std::shared_ptr<const void>& result, qint64 elapsedMs)
{
    analysis_ = std::static_pointer_cast<const DriftAnalysis>(result);
    refresh_->finished();
    bar_->showDone(statusOf(*analysis_, elapsedMs));
    showAnalysis();
    Q_EMIT analysisShown();
}

void DriftPanel::showAnalysis()
{
    windows_->showWindows(analysis_->windows);
    showHeadline();
    model_->setReport(analysis_->report);
    fitTable();
    const std::string keep = selectedMetric();
    const std::string pick = userPicked_ && !keep.empty() ? keep : firstDrifted();
    applying_ = true;
    table_->setCurrentIndex(model_->index(std::max(model_->rowOf(pick), 0), 0));
    applying_ = false;
    showCharts();
}

// Every metric in view without scrolling; the charts take the rest.
void DriftPanel::fitTable()
{
    table_->resizeRowsToContents();
    const int height = table_->horizontalHeader()->height() + table_->verticalHeader()->length() +
                       2 * table_->frameWidth() + 2;
    table_->setMinimumHeight(std::min(height, 360));
    table_->setMaximumHeight(height);
}

void DriftPanel::showHeadline()
{
    const text::Severity severity = text::severity(analysis_->report, analysis_->segments);
    const QString color = text::color(severity).name();
    headline_->setText(text::headline(analysis_->report, analysis_->segments));
    const QString links = text::segmentLinks(analysis_->segments);
    segments_->setText(links);
    segments_->setVisible(!links.isEmpty());
    headline_->setStyleSheet(u"QLabel { color: "_s + color + u"; border-left: 5px solid "_s + color +
                             u"; padding: 6px 10px; margin: 4px 0; }"_s);
}

// The first drifted metric, else the first (prompt tokens).
std::string DriftPanel::firstDrifted() const
{
    const auto drifted = analysis_->report.driftedIds();
    return drifted.empty() ? analytics::driftMetricIds().front() : drifted.front();
}

void DriftPanel::showCharts()
{
    if (!analysis_)
        return;
    const std::string id = selectedMetric();
    const analytics::DriftMetric* m = analysis_->report.metric(id);
    if (!m)
        return;
    const QString windows = text::windows(analysis_->windows);
    if (analysis_->baseline.sums.requests + analysis_->current.sums.requests == 0) {
        series_->showMessage(u"No traffic matches the filter in these windows.\n"_s + windows);
        histogram_->showMessage(QString());
        return;
    }
    if (m->kind == analytics::DriftKind::Centroid) {
        series_->showMessage(u"Prompt topics are compared once per window, from sampled prompts: "_s +
                             QString::fromStdString(m->sentence) + u'.');
        histogram_->showMessage(QString());
        return;
    }
    series_->setData(timeSeriesFor(*analysis_, id));
    if (m->kind == analytics::DriftKind::Rate)
        histogram_->showMessage(QString::fromStdString(m->name) + u" is a share of requests: "_s +
                                text::level(*m, false) + u" in the baseline, "_s + text::level(*m, true) +
                                u" now. Its level per bucket is on the left."_s);
    else if (const charts::Bars bars = histogramFor(*analysis_, id); !bars.categories.isEmpty())
        histogram_->setData(bars);
    else
        histogram_->showMessage(u"Too little traffic for a histogram."_s);
}

} // namespace ts::ui::drift
