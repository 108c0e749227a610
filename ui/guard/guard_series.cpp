#include "guard/guard_series.h"

#include <QDateTime>
#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace ts::ui::guardpanel {

namespace {

QDate dateOf(Nanos day)
{
    return QDateTime::fromMSecsSinceEpoch(day / kNsPerMs, Qt::UTC).date();
}

QList<QDate> everyDay(const StageFindings& stage)
{
    QList<QDate> days;
    if (stage.byDay.empty())
        return days;
    const QDate last = dateOf(stage.byDay.rbegin()->first);
    for (QDate d = dateOf(stage.byDay.begin()->first); d <= last; d = d.addDays(1))
        days << d;
    return days;
}

} // namespace

QStringList typesByCount(const StageFindings& stage)
{
    std::vector<std::pair<std::int64_t, std::string>> ranked;
    for (const auto& [type, actions] : stage.byTypeAction)
        ranked.emplace_back(stage.totalOf(type), type);
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    QStringList out;
    for (const auto& [count, type] : ranked)
        out << QString::fromStdString(type);
    return out;
}

QColor typeColor(int rank)
{
    static const std::array<QColor, kTopTypes> colors{QColor(0x2e, 0x86, 0xde), QColor(0xe6, 0x7e, 0x22),
                                                      QColor(0x27, 0xae, 0x60), QColor(0xc0, 0x39, 0x2b),
                                                      QColor(0x8e, 0x44, 0xad), QColor(0x16, 0xa0, 0x85)};
    return colors[static_cast<std::size_t>(std::clamp(rank, 0, kTopTypes - 1))];
}

QColor otherColor()
{
    return QColor(0x95, 0xa5, 0xa6);
}

charts::TimeSeries findingsSeries(const StageFindings& stage, const QString& title)
{
    charts::TimeSeries out;
    out.style = charts::TimeSeries::Style::StackedBars;
    out.title = title;
    out.y = {u"findings"_s, u"%.0f"_s};
    out.days = everyDay(stage);
    const QStringList types = typesByCount(stage);
    const qsizetype shown = std::min<qsizetype>(types.size(), kTopTypes);
    QList<charts::DaySeries> series;
    for (qsizetype i = 0; i < shown; ++i)
        series << charts::DaySeries{types[i], typeColor(static_cast<int>(i)),
                                    QList<double>(out.days.size(), 0.0)};
    if (types.size() > shown)
        series << charts::DaySeries{u"other"_s, otherColor(), QList<double>(out.days.size(), 0.0)};
    const QDate first = out.days.isEmpty() ? QDate() : out.days.front();
    for (const auto& [day, counts] : stage.byDay) {
        const auto at = static_cast<qsizetype>(first.daysTo(dateOf(day)));
        for (const auto& [type, count] : counts) {
            const qsizetype rank = types.indexOf(QString::fromStdString(type));
            series[std::min(rank, shown)].values[at] += static_cast<double>(count);
        }
    }
    out.series = series;
    return out;
}

} // namespace ts::ui::guardpanel
