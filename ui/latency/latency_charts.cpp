#include "latency/latency_charts.h"

#include "common/format.h"

#include <QDateTime>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace ts::ui::latency {

namespace {

// The phases in the order a request passes through them, each with its own colour.
struct PhaseStyle
{
    QString name;
    QColor color;
    double analytics::PhaseMeans::*value;
};

const QList<PhaseStyle>& phaseStyles()
{
    static const QList<PhaseStyle> styles{
        {u"Guards"_s, QColor(u"#8e44ad"_s), &analytics::PhaseMeans::guard},
        {u"Cache"_s, QColor(u"#16a085"_s), &analytics::PhaseMeans::cache},
        {u"Queue & retries"_s, QColor(u"#e67e22"_s), &analytics::PhaseMeans::queue},
        {u"Network & first token"_s, QColor(u"#2980b9"_s), &analytics::PhaseMeans::network},
        {u"Generation"_s, QColor(u"#27ae60"_s), &analytics::PhaseMeans::generation},
        {u"Tools"_s, QColor(u"#c0392b"_s), &analytics::PhaseMeans::tools},
        {u"Other"_s, QColor(u"#95a5a6"_s), &analytics::PhaseMeans::other},
    };
    return styles;
}

QString groupLabel(const std::string& name)
{
    return name.empty() ? u"(none)"_s : QString::fromStdString(name);
}

} // namespace

QColor seriesColor(int index)
{
    static const QList<QColor> colors{QColor(u"#1f77b4"_s), QColor(u"#ff7f0e"_s), QColor(u"#2ca02c"_s),
                                      QColor(u"#9467bd"_s), QColor(u"#8c564b"_s), QColor(u"#e377c2"_s),
                                      QColor(u"#17becf"_s), QColor(u"#bcbd22"_s)};
    return colors[index % colors.size()];
}

QString quantileName(int quantile)
{
    static const QStringList names{u"p50"_s, u"p90"_s, u"p95"_s, u"p99"_s};
    return names.value(quantile, u"p95"_s);
}

QStringList bucketLabels(const analytics::LatencySummary& summary)
{
    QStringList labels;
    const bool hourly = summary.granularity == analytics::Granularity::Hour;
    for (std::int64_t hour : summary.buckets) {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(hour * 3600, QTimeZone::utc());
        labels << (hourly ? at.toString(u"MMM d HH:00"_s) : at.toString(u"MMM d"_s));
    }
    return labels;
}

charts::TimeSeries percentileSeries(const analytics::LatencySummary& summary, int quantile, double sloMs)
{
    charts::TimeSeries data;
    data.style = charts::TimeSeries::Style::Lines;
    data.title = quantileName(quantile) + u" latency"_s +
                 (summary.granularity == analytics::Granularity::Hour ? u" by hour (UTC)"_s : u" by day (UTC)"_s);
    data.y = {u"ms"_s, u"%.0f"_s, 0};
    data.xLabels = bucketLabels(summary);
    int i = 0;
    for (const analytics::LatencyGroup& g : summary.groups) {
        charts::DaySeries s{groupLabel(g.name), seriesColor(i++), {}};
        for (double v : g.series[static_cast<std::size_t>(quantile)])
            s.values << v;
        data.series << s;
    }
    if (sloMs > 0)
        data.thresholds << charts::Threshold{u"SLO "_s + format::duration(sloMs), QColor(u"#c0392b"_s), sloMs};
    return data;
}

charts::Bars phaseBars(const analytics::LatencySummary& summary)
{
    charts::Bars data;
    data.title = u"Where the time goes: the mean request, phase by phase"_s;
    data.value = {u"ms"_s, u"%.0f"_s, 0};
    data.stacked = true;
    data.horizontal = true;
    QList<const analytics::LatencyGroup*> groups{&summary.overall};
    for (const analytics::LatencyGroup& g : summary.groups)
        groups << &g;
    for (const analytics::LatencyGroup* g : groups)
        data.categories << (g == &summary.overall ? u"All requests"_s : groupLabel(g->name));
    for (const PhaseStyle& style : phaseStyles()) {
        charts::DaySeries s{style.name, style.color, {}};
        for (const analytics::LatencyGroup* g : groups)
            s.values << g->phases.*style.value;
        data.series << s;
    }
    return data;
}

charts::Bars histogramBars(const LogHistogram& histogram, const QString& title, const QString& what)
{
    charts::Bars data;
    data.title = title;
    data.value = {u"requests"_s, u"%.0f"_s, 0};
    charts::DaySeries s{what, QColor(u"#2980b9"_s), {}};
    for (const analytics::HistogramBar& bar : analytics::coarseBars(histogram, 20)) {
        data.categories << format::duration(bar.from); // each bar runs to the next one's start
        s.values << static_cast<double>(bar.count);
    }
    data.series << s;
    return data;
}

} // namespace ts::ui::latency
