#include "cost/cost_words.h"

#include "common/format.h"

#include <QDateTime>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;
using ts::analytics::BudgetWindow;
using ts::analytics::Dimension;

namespace ts::ui::costpanel::text {

namespace {

QString utc(Nanos at, const QString& pattern)
{
    return QDateTime::fromMSecsSinceEpoch(at / kNsPerMs, QTimeZone::utc()).toString(pattern);
}

// "Nov 24" in a month's budget, "17:00 UTC" in a day's.
QString moment(Nanos at, BudgetWindow window)
{
    return window == BudgetWindow::Month ? utc(at, u"MMM d"_s) : utc(at, u"HH:mm"_s) + u" UTC"_s;
}

QString when(Nanos at, BudgetWindow window)
{
    return (window == BudgetWindow::Month ? u"on "_s : u"at "_s) + moment(at, window);
}

QString periodWord(BudgetWindow window) { return window == BudgetWindow::Month ? u"the month"_s : u"the day"_s; }

QString scopeText(const BudgetChoice& b)
{
    return QString::fromStdString(b.scopeKind) + u' ' + QString::fromStdString(b.scopeName);
}

} // namespace

QString money(double usd)
{
    if (std::abs(usd) < 100)
        return format::cost(usd);
    return (usd < 0 ? u"-$"_s : u"$"_s) + format::grouped(std::llround(std::abs(usd)));
}

QString dimensionLabel(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Model: return u"Model"_s;
    case Dimension::Provider: return u"Provider"_s;
    case Dimension::Route: return u"Route"_s;
    case Dimension::Source: return u"Source"_s;
    case Dimension::User: return u"User"_s;
    case Dimension::Tag: return u"Tag"_s;
    case Dimension::None: break;
    }
    return u"All"_s;
}

QString groupName(const std::string& name, Dimension dimension)
{
    if (!name.empty())
        return QString::fromStdString(name);
    return u"(no "_s + dimensionLabel(dimension).toLower() + u')';
}

QString readStatus(const CostAnalysis& analysis, qint64 elapsedMs)
{
    return u"Read "_s + format::grouped(analysis.rollupRows) +
           (analysis.rollupRows == 1 ? u" rollup row and "_s : u" rollup rows and "_s) +
           format::grouped(static_cast<std::int64_t>(analysis.topTraces.size())) +
           (analysis.topTraces.size() == 1 ? u" trace in "_s : u" traces in "_s) + QString::number(elapsedMs) +
           u" ms."_s;
}

QString budgetTitle(const BudgetChoice& b)
{
    const QString period = b.window == BudgetWindow::Month ? u"month"_s : u"day"_s;
    if (b.global())
        return b.limitUsd > 0 ? u"All traffic: "_s + money(b.limitUsd) + u" a "_s + period
                              : u"All traffic: no monthly budget set"_s;
    return scopeText(b) + u": "_s + money(b.limitUsd) + u" a "_s + period;
}

QString uncountable(const BudgetChoice& b)
{
    return u"The "_s + scopeText(b) + u" budget can't be drawn here: the hourly rollups break spend down by "
                                      u"model, provider, route, source, user and tag, not by "_s +
           QString::fromStdString(b.scopeKind) + u". The gateway enforces it all the same."_s;
}

QString burnSentence(const BudgetStanding& standing)
{
    if (!standing.burn)
        return uncountable(standing.budget);
    const analytics::BudgetBurn& b = *standing.burn;
    const BudgetWindow window = standing.budget.window;
    const QString ends = u"At this pace "_s + periodWord(window) + u" ends at "_s + money(b.projectedUsd);
    if (b.limitUsd <= 0)
        return ends + u". Set a monthly budget to see how that compares."_s;
    const std::optional<Nanos> passed = limitPassedAt(b);
    if (b.spentUsd > b.limitUsd)
        return u"Over budget: "_s + money(b.spentUsd) + u" of "_s + money(b.limitUsd) + u" spent, over since "_s +
               moment(*passed, window) + u". "_s + ends + u'.';
    if (passed)
        return ends + u" of "_s + money(b.limitUsd) + u": over budget "_s + when(*passed, window) + u'.';
    return ends + u" of "_s + money(b.limitUsd) + u": "_s + money(b.limitUsd - b.projectedUsd) + u" to spare."_s;
}

QString tagNote()
{
    return u"A request with several tags counts under each of them, so the tags add up to more than the "
           u"spend."_s;
}

} // namespace ts::ui::costpanel::text
