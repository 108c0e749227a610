#include "cache/cache_overview.h"

#include "cache/cache_series.h"
#include "cache/cache_text.h"
#include "charts/time_series_chart.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using ts::cache::CacheLayer;

namespace ts::ui::cachepanel {

namespace {

constexpr int kChartHeight = 230;

} // namespace

CacheOverview::CacheOverview(QWidget* parent)
    : QWidget(parent), note_(new QLabel(this)), hitRate_(new charts::TimeSeriesChart(this)),
      saving_(new charts::TimeSeriesChart(this))
{
    auto* figures = new QVBoxLayout;
    figures->setSpacing(8);
    for (const CacheLayer layer : ts::cache::kCacheLayers) {
        auto* label = new QLabel(text::layerTitle(layer), this);
        label->setWordWrap(true);
        label->setStyleSheet(u"border-left: 4px solid "_s + layerColor(layer).name() + u"; padding-left: 8px; font-size: 13px;"_s);
        figures->addWidget(label);
        layers_ << label;
    }
    note_->setWordWrap(true);
    note_->setStyleSheet(u"color: palette(mid);"_s);
    figures->addWidget(note_);
    figures->addStretch(1);
    auto* figuresBox = new QWidget(this);
    figuresBox->setLayout(figures);
    figuresBox->setFixedWidth(300);
    for (auto* chart : {hitRate_, saving_}) {
        chart->setFixedHeight(kChartHeight);
        chart->showMessage(u"Reading traces…"_s);
    }
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(figuresBox);
    layout->addWidget(hitRate_, 1);
    layout->addWidget(saving_, 1);
}

void CacheOverview::setReport(const ts::cache::CacheReport& report)
{
    for (const CacheLayer layer : ts::cache::kCacheLayers)
        layers_[static_cast<qsizetype>(layer)]->setText(text::layerLine(layer, report.total(layer)));
    note_->setText(text::missingHits(report));
    if (report.days.empty()) {
        const QString none = u"No traces in this workspace yet. Requests from the Playground, the gateway or an "
                             u"import appear here."_s;
        hitRate_->showMessage(none);
        saving_->showMessage(none);
        return;
    }
    hitRate_->setData(hitRateSeries(report));
    saving_->setData(savingSeries(report));
}

QString CacheOverview::layerText(CacheLayer layer) const { return layers_[static_cast<qsizetype>(layer)]->text(); }

QString CacheOverview::note() const { return note_->text(); }

} // namespace ts::ui::cachepanel
