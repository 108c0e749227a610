#include "cache/cache_series.h"

#include "cache/cache_text.h"

#include <QDateTime>

using namespace Qt::StringLiterals;
using ts::cache::CacheLayer;

namespace ts::ui::cachepanel {

namespace {

QList<QDate> daysOf(const ts::cache::CacheReport& report)
{
    QList<QDate> days;
    for (const auto& d : report.days)
        days << QDateTime::fromMSecsSinceEpoch(d.day / kNsPerMs, Qt::UTC).date();
    return days;
}

template <typename Value>
charts::TimeSeries perLayer(const ts::cache::CacheReport& report, Value value)
{
    charts::TimeSeries out;
    out.days = daysOf(report);
    for (const CacheLayer layer : ts::cache::kCacheLayers) {
        if (report.total(layer).requests == 0)
            continue; // a layer that was never asked has no rate to draw, not a rate of 0%
        charts::DaySeries s{text::layerTitle(layer), layerColor(layer), {}};
        for (const auto& d : report.days)
            s.values << value(d.at(layer));
        out.series << s;
    }
    return out;
}

} // namespace

QColor layerColor(CacheLayer layer)
{
    switch (layer) {
    case CacheLayer::Exact:
        return QColor(0x2e, 0x86, 0xde);
    case CacheLayer::Semantic:
        return QColor(0x8e, 0x44, 0xad);
    case CacheLayer::ProviderPrefix:
        return QColor(0x27, 0xae, 0x60);
    }
    return {};
}

charts::TimeSeries hitRateSeries(const ts::cache::CacheReport& report)
{
    auto out = perLayer(report, [](const ts::cache::LayerFigures& f) { return f.hitRate() * 100; });
    out.title = u"Hit rate by day"_s;
    out.y = {u"hit rate"_s, u"%.0f%%"_s, 100};
    return out;
}

charts::TimeSeries savingSeries(const ts::cache::CacheReport& report)
{
    auto out = perLayer(report, [](const ts::cache::LayerFigures& f) { return f.savedUsd; });
    out.style = charts::TimeSeries::Style::StackedBars;
    out.title = u"Money saved by day"_s;
    out.y = {u"USD"_s, u"$%.2f"_s};
    return out;
}

charts::XYCurves tuningCurves(const ts::cache::TuningResult& tuning)
{
    charts::XYCurves out;
    out.title = u"What a semantic cache would have done"_s;
    out.xTitle = u"similarity threshold"_s;
    out.left = {u"hit rate"_s, u"%.0f%%"_s, 100};
    out.right = {u"saved (USD)"_s, u"$%.2f"_s};
    out.leftCurve = {u"Hit rate"_s, layerColor(CacheLayer::Semantic), {}};
    out.rightCurve = {u"Saved"_s, QColor(0xe6, 0x7e, 0x22), {}};
    for (const auto& f : tuning.curve()) {
        out.leftCurve.points << QPointF(f.threshold, f.hitRate() * 100);
        out.rightCurve.points << QPointF(f.threshold, f.savedUsd);
    }
    return out;
}

} // namespace ts::ui::cachepanel
