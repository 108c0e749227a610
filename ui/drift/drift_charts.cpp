#include "drift/drift_charts.h"

#include "drift/drift_analysis.h"
#include "drift/drift_text.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ts::ui::drift {

namespace {

const QColor kLevel(u"#1f77b4"_s);
const QColor kBaseline(u"#7f7f7f"_s);
const QColor kBaselineBars(u"#9fb4cc"_s);
const QColor kCurrentSteady(u"#1f77b4"_s);
const QColor kCurrentDrifted(u"#d62728"_s);

bool isRate(const std::string& id)
{
    return id.size() > 5 && id.compare(id.size() - 5, 5, "_rate") == 0;
}

QString metricName(const DriftAnalysis& a, const std::string& id)
{
    const analytics::DriftMetric* m = a.report.metric(id);
    return m ? QString::fromStdString(m->name) : QString::fromStdString(id);
}

// Edges from below `lo` to above `hi` on the mantissas given (1, 2, 5 -> 1, 2, 5, 10, 20, 50, ...).
QList<double> edgesOn(const QList<double>& mantissas, double lo, double hi)
{
    QList<double> edges;
    for (double decade = std::pow(10.0, std::floor(std::log10(lo))); edges.size() < 64; decade *= 10)
        for (const double m : mantissas) {
            const double edge = m * decade;
            if (edge > lo && edge <= hi)
                edges << edge;
            if (edge > hi)
                return edges;
        }
    return edges;
}

// The finest steps that cut the range in at most kMaxEdges + 1 ranges, so each label has room.
QList<double> niceEdges(double lo, double hi)
{
    constexpr qsizetype kMaxEdges = 8;
    const QList<QList<double>> steps{
        {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8}, {1, 1.5, 2, 3, 5, 7}, {1, 2, 5}, {1, 3}, {1}};
    QList<double> edges;
    for (const auto& mantissas : steps) {
        edges = edgesOn(mantissas, lo, hi);
        if (edges.size() <= kMaxEdges)
            break;
    }
    return edges;
}

// A value and its unit apart ("2.5", "k"), so a range can name the unit once: "1–3 s", "300 ms–1 s".
std::pair<QString, QString> edgeText(const std::string& id, double value)
{
    const bool big = value >= 1000;
    const QString number = QString::number(big ? value / 1000 : value, 'g', 3);
    if (id == "latency")
        return {number, big ? u" s"_s : u" ms"_s};
    return {number, big ? u"k"_s : QString()};
}

QString rangeText(const std::string& id, double from, double to)
{
    const auto [a, unitA] = edgeText(id, from);
    const auto [b, unitB] = edgeText(id, to);
    const bool spaced = unitA.startsWith(u' '); // "1–3 s", but "1k–3k"
    return (unitA == unitB && spaced ? a : a + unitA) + u"–"_s + b + unitB;
}

QStringList categoriesOf(const std::string& id, const QList<double>& edges)
{
    const auto [first, firstUnit] = edgeText(id, edges.front());
    const auto [last, lastUnit] = edgeText(id, edges.back());
    QStringList out{u"under "_s + first + firstUnit}; // a "<" would start a tag: the labels are rich text
    for (qsizetype i = 0; i + 1 < edges.size(); ++i)
        out << rangeText(id, edges[i], edges[i + 1]);
    out << u"≥ "_s + last + lastUnit;
    return out;
}

// Share (percent) of the histogram in each range the edges cut, at bucket resolution.
QList<double> sharesOf(const LogHistogram& h, const QList<double>& edges)
{
    QList<double> out;
    double below = 0;
    for (const double edge : edges) {
        const double upTo = h.cdf(edge * 0.999);
        out << (upTo - below) * 100;
        below = upTo;
    }
    out << (1.0 - below) * 100;
    return out;
}

} // namespace

charts::TimeSeries timeSeriesFor(const DriftAnalysis& a, const std::string& id)
{
    charts::TimeSeries t;
    const MetricSeries* s = a.seriesOf(id);
    if (!s)
        return t;
    const bool rate = isRate(id);
    const QString name = metricName(a, id);
    const QString per = a.windows.bucketHours == 1 ? u" per hour"_s : u" per day"_s;
    t.title = (rate ? name : u"Median "_s + name.toLower()) + per;
    t.y.title = rate ? u"% of requests"_s : id == "latency" ? u"ms"_s : u"tokens"_s;
    t.y.labelFormat = rate ? u"%.1f%%"_s : u"%.0f"_s;
    for (std::int64_t i = 0; i < a.windows.bucketCount(); ++i)
        t.xLabels << text::bucketLabel(a.windows, i);
    const double scale = rate ? 100.0 : 1.0;
    charts::DaySeries line{rate ? name : u"Median"_s, kLevel, {}};
    for (const double v : s->values)
        line.values << v * scale;
    t.series << line;
    t.thresholds << charts::Threshold{u"Baseline "_s + text::level(id, s->baselineLevel), kBaseline,
                                      s->baselineLevel * scale};
    for (std::size_t i = 0; i < s->alarms.size(); ++i)
        t.alarms << charts::Alarm{static_cast<qsizetype>(s->alarms[i]), QString::fromStdString(s->alarmText[i])};
    return t;
}

charts::Bars histogramFor(const DriftAnalysis& a, const std::string& id)
{
    charts::Bars bars;
    const LogHistogram* before = analytics::metricHistogram(id, a.baseline);
    const LogHistogram* now = analytics::metricHistogram(id, a.current);
    if (!before || !now || before->empty() || now->empty())
        return bars;
    const double lo = std::max(std::min(before->quantile(0.01), now->quantile(0.01)), 1.0);
    const double hi = std::max({before->quantile(0.99), now->quantile(0.99), lo * 1.5});
    const QList<double> edges = niceEdges(lo, hi);
    if (edges.isEmpty())
        return bars;
    const analytics::DriftMetric* m = a.report.metric(id);
    bars.title = metricName(a, id) + u": share of requests, baseline and current"_s;
    bars.value = {u"% of requests"_s, u"%.0f%%"_s, 100};
    QStringList categories = categoriesOf(id, edges);
    QList<double> was = sharesOf(*before, edges), is = sharesOf(*now, edges);
    // Ranges empty in both windows are left out (their labels still show where values jump): cache hits
    // answered in a millisecond would otherwise leave most of a latency chart blank.
    for (qsizetype i = categories.size() - 1; i >= 0 && categories.size() > 1; --i)
        if (was[i] + is[i] < 0.05)
            categories.removeAt(i), was.removeAt(i), is.removeAt(i);
    bars.categories = categories;
    bars.series << charts::DaySeries{u"Baseline"_s, kBaselineBars, was};
    bars.series << charts::DaySeries{u"Current"_s, m && m->drifted ? kCurrentDrifted : kCurrentSteady, is};
    return bars;
}

} // namespace ts::ui::drift
