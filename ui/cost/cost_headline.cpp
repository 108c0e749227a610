#include "cost/cost_headline.h"

#include "common/format.h"
#include "cost/cost_words.h"

#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui::costpanel {

namespace {

struct Tile
{
    QString caption;
    QString tip;
};

const Tile kTiles[CostHeadline::FigureCount] = {
    {u"Spend"_s, u"What the requests in the range cost."_s},
    {u"Requests"_s, u"Requests in the range, and their input and output tokens."_s},
    {u"Per 1k requests"_s, u"Spend per thousand requests: what a thousand more would cost at this mix."_s},
    {u"Cache savings"_s, u"What the requests the caches answered would have cost had they gone to the model."_s},
    {u"Projected month-end"_s, u"This calendar month's spend (UTC) at the pace of the last three days, "
                               u"for the traffic the filter selects."_s},
};

QString percent(double share) { return QString::number(share * 100.0, 'f', 1) + u'%'; }

} // namespace

CostHeadline::CostHeadline(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->setSpacing(10);
    for (const Tile& tile : kTiles) {
        auto* frame = new QFrame(this);
        frame->setToolTip(tile.tip);
        auto* caption = new QLabel(tile.caption, frame);
        caption->setStyleSheet(u"color: palette(mid); font-size: 12px;"_s);
        auto* value = new QLabel(u"–"_s, frame);
        value->setStyleSheet(u"font-size: 20px; font-weight: 600;"_s);
        value->setAccessibleName(tile.caption);
        auto* detail = new QLabel(frame);
        detail->setStyleSheet(u"font-size: 12px;"_s);
        auto* column = new QVBoxLayout(frame);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(1);
        column->addWidget(caption);
        column->addWidget(value);
        column->addWidget(detail);
        layout->addWidget(frame, 1);
        values_ << value;
        details_ << detail;
    }
}

void CostHeadline::setAnalysis(const CostAnalysis& a, const QString& rangeLabel)
{
    const CostFigures& t = a.totals;
    set(Spend, format::cost(t.costUsd), rangeLabel);
    set(Requests, format::grouped(t.requests), format::tokens(t.tokens) + u" tokens"_s);
    set(PerThousand, format::cost(t.costPerThousand()),
        t.requests > 0 ? format::cost(t.costUsd / static_cast<double>(t.requests)) + u" a request"_s : QString());
    set(CacheSaved, format::cost(t.cacheSavedUsd),
        t.costUsd > 0 ? percent(t.savedShareOfSpend()) + u" of spend"_s : QString());
    const QString month =
        QDateTime::fromMSecsSinceEpoch(a.month.periodStart / kNsPerMs, QTimeZone::utc()).toString(u"MMMM"_s);
    set(MonthEnd, text::money(a.month.projectedUsd),
        month + u" so far "_s + text::money(a.month.spentUsd) + u" · "_s + text::money(a.month.pacePerDayUsd) +
            u"/day"_s);
}

void CostHeadline::set(Figure figure, const QString& value, const QString& detail)
{
    values_[figure]->setText(value);
    details_[figure]->setText(detail);
}

QString CostHeadline::value(Figure figure) const { return values_[figure]->text(); }

QString CostHeadline::detail(Figure figure) const { return details_[figure]->text(); }

} // namespace ts::ui::costpanel
