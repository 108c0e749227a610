#include "cost/cost_series.h"

#include "cost/cost_words.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;
using ts::analytics::BudgetWindow;

namespace ts::ui::costpanel {

namespace {

// Tableau 10, less its grey (Other's).
constexpr QRgb kPalette[kChartGroups] = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759,
                                         0x76b7b2, 0xedc948, 0xb07aa1, 0x9c755f};

QDateTime utcHour(std::int64_t hour)
{
    return QDateTime::fromMSecsSinceEpoch(hour * (kRollupBucketNs / kNsPerMs), QTimeZone::utc());
}

QString stepLabel(Nanos at, BudgetWindow window)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(at / kNsPerMs, QTimeZone::utc());
    return window == BudgetWindow::Month ? t.toString(u"MMM d"_s) : t.toString(u"HH:00"_s);
}

} // namespace

QColor groupColor(int rank) { return rank < kChartGroups ? QColor(kPalette[rank]) : QColor(0xbab0ac); }

QString otherName() { return u"Other"_s; }

charts::TimeSeries spendSeries(const CostAnalysis& analysis)
{
    const auto dimension = analysis.request.dimension;
    const bool hourly = analysis.request.granularity == analytics::Granularity::Hour;
    charts::TimeSeries out;
    out.style = charts::TimeSeries::Style::StackedBars;
    out.title = u"Spend by "_s + text::dimensionLabel(dimension).toLower() + (hourly ? u" per hour (UTC)"_s
                                                                                     : u" per day (UTC)"_s);
    out.y = {u"spend (USD)"_s, u"$%.2f"_s};
    for (std::int64_t bucket : analysis.buckets) {
        if (hourly)
            out.xLabels << utcHour(bucket).toString(u"HH:00"_s);
        else
            out.days << utcHour(bucket).date();
    }
    QList<double> other(static_cast<qsizetype>(analysis.buckets.size()), 0.0);
    bool anyOther = false;
    for (std::size_t rank = 0; rank < analysis.groups.size(); ++rank) {
        const GroupFigures& g = analysis.groups[rank];
        const std::vector<double>& values = analysis.spendByGroup.at(g.name);
        if (rank < kChartGroups) {
            out.series << charts::DaySeries{text::groupName(g.name, dimension), groupColor(static_cast<int>(rank)),
                                            QList<double>(values.begin(), values.end())};
            continue;
        }
        anyOther = true;
        for (std::size_t b = 0; b < values.size(); ++b)
            other[static_cast<qsizetype>(b)] += values[b];
    }
    if (anyOther)
        out.series << charts::DaySeries{otherName(), groupColor(kChartGroups), other};
    return out;
}

charts::BurnDown burnDown(const BudgetStanding& standing)
{
    charts::BurnDown out;
    if (!standing.burn)
        return out;
    const analytics::BudgetBurn& b = *standing.burn;
    const BudgetWindow window = standing.budget.window;
    const std::int64_t stepHours = window == BudgetWindow::Month ? 24 : 1;
    const Nanos step = stepHours * kRollupBucketNs;
    out.title = text::budgetTitle(standing.budget);
    out.y = {u"cumulative spend (USD)"_s, u"$%.0f"_s};
    if (b.limitUsd > 0 && b.limitUsd < 20)
        out.y.labelFormat = u"$%.2f"_s;
    out.spentColor = QColor(0x4e79a7);
    out.projectionColor = QColor(0x4e79a7).lighter(130);
    out.limit = {u"Budget"_s, QColor(0xd62728), b.limitUsd};
    const auto elapsed = static_cast<std::int64_t>(b.cumulativeByHour.size());
    const double perHour = b.pacePerDayUsd / 24.0;
    for (Nanos at = b.periodStart; at < b.periodEnd; at += step) {
        out.xLabels << stepLabel(at, window);
        const std::int64_t endHour = (at - b.periodStart) / kRollupBucketNs + stepHours; // hours to the step's end
        if (endHour - stepHours < elapsed) // the step has begun
            out.spent << b.cumulativeByHour[static_cast<std::size_t>(std::min(endHour, elapsed) - 1)];
        const Nanos stepEnd = std::min(at + step, b.periodEnd);
        out.projected << (stepEnd <= b.now ? out.spent.back()
                                           : b.spentUsd + perHour * static_cast<double>(stepEnd - b.now) /
                                                              static_cast<double>(kRollupBucketNs));
    }
    if (const auto passed = limitPassedAt(b)) {
        out.crossing = static_cast<qsizetype>((*passed - b.periodStart) / step);
        out.crossingText = b.spentUsd > b.limitUsd ? u"Over budget"_s : u"Runs out"_s;
    }
    return out;
}

} // namespace ts::ui::costpanel
