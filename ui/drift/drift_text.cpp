#include "drift/drift_text.h"

#include "common/format.h"

#include <QDateTime>
#include <QStringList>
#include <cmath>

using namespace Qt::StringLiterals;
using ts::analytics::DriftKind;
using ts::analytics::DriftMetric;

namespace ts::ui::drift::text {

namespace {

QString when(Nanos t)
{
    return QDateTime::fromMSecsSinceEpoch(t / kNsPerMs).toString(u"MMM d HH:mm"_s);
}

QString fixed(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

} // namespace

QString length(std::int64_t hours)
{
    if (hours % 24 == 0)
        return hours == 24 ? u"1 day"_s : QString::number(hours / 24) + u" days"_s;
    return hours == 1 ? u"1 hour"_s : QString::number(hours) + u" hours"_s;
}

QString windows(const DriftWindows& w)
{
    return u"Baseline: "_s + when(w.baselineStart) + u" – "_s + when(w.split) + u" ("_s + length(w.baselineHours()) +
           u")   ·   Current: "_s + when(w.split) + u" – "_s + when(w.end) + u" ("_s + length(w.currentHours()) +
           u')';
}

QString bucketLabel(const DriftWindows& w, std::int64_t index)
{
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(w.bucketStart(index) / kNsPerMs);
    if (w.bucketHours == 1)
        return start.toString(start.time().hour() == 0 || index == 0 ? u"MMM d HH:00"_s : u"HH:00"_s);
    return start.toString(start.time() == QTime(0, 0) ? u"MMM d"_s : u"MMM d HH:00"_s);
}

QString level(const std::string& id, double value)
{
    if (id == "latency")
        return format::duration(value);
    if (id == "prompt_tokens" || id == "output_tokens")
        return format::grouped(std::llround(value)) + u" tokens"_s;
    return fixed(value * 100, value < 0.1 ? 2 : 1) + u'%';
}

QString level(const DriftMetric& m, bool current)
{
    if (m.kind == DriftKind::Centroid)
        return u"–"_s;
    return level(m.id, current ? m.current : m.baseline);
}

QString change(const DriftMetric& m)
{
    if (m.kind == DriftKind::Centroid)
        return m.judged ? u"shift "_s + fixed(m.shift, 3) : u"–"_s;
    if (m.kind == DriftKind::Rate) {
        const double points = (m.current - m.baseline) * 100;
        return (points >= 0 ? u"+"_s : u"−"_s) + fixed(std::abs(points), 2) + u" pts"_s;
    }
    if (m.baseline <= 0)
        return u"–"_s;
    const double percent = (m.current - m.baseline) / m.baseline * 100;
    if (std::abs(percent) < 0.5)
        return u"±0%"_s;
    return (percent >= 0 ? u"+"_s : u"−"_s) + fixed(std::abs(percent), 0) + u'%';
}

QString psi(const DriftMetric& m)
{
    return m.kind == DriftKind::Centroid || !m.judged ? u"–"_s : fixed(m.psi, 2);
}

QString ksD(const DriftMetric& m)
{
    return m.kind == DriftKind::Distribution && m.judged ? fixed(m.ksD, 2) : u"–"_s;
}

QString evidence(const DriftMetric& m)
{
    if (!m.judged)
        return u"–"_s;
    switch (m.kind) {
    case DriftKind::Distribution:
        return m.ksP < 0.001 ? u"p < 0.001"_s : u"p = "_s + fixed(m.ksP, 3);
    case DriftKind::Rate: return u"z = "_s + fixed(m.z, 1);
    case DriftKind::Centroid: return u"noise "_s + fixed(m.noiseFloor, 3);
    }
    return {};
}

QString verdict(const DriftMetric& m)
{
    if (!m.judged)
        return u"Too little traffic"_s;
    if (!m.drifted)
        return u"Steady"_s;
    if (m.kind == DriftKind::Centroid || std::abs(m.current - m.baseline) < 0.03 * m.baseline)
        return u"Drifted"_s; // moved elsewhere, or changed shape about the same median
    return m.current > m.baseline ? u"Drifted ▲"_s : u"Drifted ▼"_s;
}

QString tip(const DriftMetric& m, int column)
{
    const QString sentence = QString::fromStdString(m.sentence) + u'.';
    if (!m.judged)
        return sentence + u" Each window needs at least "_s + QString::number(analytics::kMinRequests) +
               u" requests."_s;
    QString rule;
    switch (m.kind) {
    case DriftKind::Distribution:
        rule = u"Drifted when PSI reaches "_s + fixed(m.psiAlarm, 2) +
               (m.psiAlarm > analytics::kPsiAlarm + 1e-9 ? u" (0.2, raised for windows this small: chance alone "
                                                           "reaches more)"_s
                                                         : QString()) +
               u", or when the Kolmogorov–Smirnov p is below "_s + QString::number(analytics::kKsAlpha) +
               u" with a gap D of at least "_s + fixed(analytics::kKsMinGap, 2) + u'.';
        break;
    case DriftKind::Rate:
        rule = u"Drifted when the two-proportion z reaches ±"_s + fixed(analytics::kRateMinZ, 1) +
               u" and the rate moved at least 1 point or a quarter of the baseline."_s;
        break;
    case DriftKind::Centroid:
        rule = u"Drifted when 1 − cosine between the windows' prompt centroids passes three times the baseline's own "
               "spread (its two halves) and "_s +
               fixed(analytics::kCentroidMinShift, 2) + u'.';
        break;
    }
    Q_UNUSED(column);
    return sentence + u'\n' + rule;
}

QString headline(const analytics::DriftReport& report, const std::vector<analytics::SegmentDrift>& segments)
{
    if (!report.driftedIds().empty() || segments.empty())
        return QString::fromStdString(report.summary);
    const analytics::SegmentDrift& top = segments.front();
    const std::string first = top.report.driftedIds().front();
    const QString dimension = QString::fromStdString(std::string(dimensionName(top.dimension)));
    return u"Nothing drifted overall, but within "_s + dimension + u' ' + QString::fromStdString(top.value) + u": "_s +
           QString::fromStdString(top.report.metric(first)->sentence) + u'.';
}

QString filterTerm(const analytics::SegmentDrift& segment)
{
    const QString value = QString::fromStdString(segment.value);
    return QString::fromStdString(std::string(dimensionName(segment.dimension))) + u':' +
           (value.contains(u' ') ? u'"' + value + u'"' : value);
}

QString segmentLinks(const std::vector<analytics::SegmentDrift>& segments)
{
    constexpr std::size_t kMost = 4;
    QStringList links;
    for (std::size_t i = 0; i < segments.size() && i < kMost; ++i) {
        QStringList names;
        for (const analytics::DriftMetric& m : segments[i].report.metrics)
            if (m.drifted)
                names << QString::fromStdString(m.name).toLower();
        const QString term = filterTerm(segments[i]);
        links << u"<a href=\""_s + term.toHtmlEscaped() + u"\">"_s + term.toHtmlEscaped() + u"</a> ("_s +
                     names.join(u", "_s) + u')';
    }
    if (links.isEmpty())
        return {};
    const QString more = segments.size() > kMost ? u" and "_s + QString::number(segments.size() - kMost) +
                                                      u" more"_s
                                                : QString();
    return u"Drifted within: "_s + links.join(u" · "_s) + more + u". Click one to narrow the filter to it."_s;
}

// Large: a PSI past the rule of thumb's 0.25, a rate many standard errors off, topics far past their noise.
// A drift only within segments is moderate: the whole held.
Severity severity(const analytics::DriftReport& report, const std::vector<analytics::SegmentDrift>& segments)
{
    if (report.baselineRequests < analytics::kMinRequests || report.currentRequests < analytics::kMinRequests)
        return Severity::Quiet;
    Severity worst = segments.empty() ? Severity::Steady : Severity::Moderate;
    for (const DriftMetric& m : report.metrics) {
        if (!m.drifted)
            continue;
        const bool large = m.psi >= 0.25 || std::abs(m.z) >= 2 * analytics::kRateMinZ ||
                           (m.kind == DriftKind::Centroid && m.shift >= 6 * std::max(m.noiseFloor, 0.01));
        worst = std::max(worst, large ? Severity::Large : Severity::Moderate);
    }
    return worst;
}

QColor color(Severity severity)
{
    switch (severity) {
    case Severity::Quiet: return QColor(u"#6b7280"_s);
    case Severity::Steady: return QColor(u"#2e7d32"_s);
    case Severity::Moderate: return QColor(u"#b26a00"_s);
    case Severity::Large: return QColor(u"#c62828"_s);
    }
    return {};
}

} // namespace ts::ui::drift::text
