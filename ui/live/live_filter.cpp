#include "live/live_filter.h"

#include "model/time.h"
#include "trace/filter_sql.h"

using namespace Qt::StringLiterals;

namespace ts::ui {

LiveFilter::LiveFilter(QObject* parent) : QObject(parent) {}

std::int64_t LiveFilter::rangeHours(Range range)
{
    switch (range) {
    case Range::Day: return 24;
    case Range::Week: return 24 * 7;
    case Range::Month: return 24 * 30;
    case Range::Quarter: return 24 * 90;
    case Range::All: break;
    }
    return 0;
}

QString LiveFilter::rangeLabel(Range range)
{
    switch (range) {
    case Range::Day: return u"Last 24 hours"_s;
    case Range::Week: return u"Last 7 days"_s;
    case Range::Month: return u"Last 30 days"_s;
    case Range::Quarter: return u"Last 90 days"_s;
    case Range::All: break;
    }
    return u"All time"_s;
}

TraceFilter LiveFilter::effective(Nanos now) const
{
    constexpr Nanos kHour = 3'600'000'000'000;
    TraceFilter filter = parsed_;
    if (!filter.since && !filter.until && range_ != Range::All)
        filter.since = now - rangeHours(range_) * kHour;
    // A trace stamped in the future (a skewed clock, a bad log) would stretch every chart to its date.
    if (!filter.until)
        filter.until = now + kHour;
    return filter;
}

void LiveFilter::setRange(Range range)
{
    if (range == range_)
        return;
    range_ = range;
    Q_EMIT changed();
}

void LiveFilter::setText(const QString& text)
{
    if (text == text_)
        return;
    text_ = text;
    const FilterParse parse = parseFilter(text.toStdString(), wallNowNs());
    QString error;
    if (!parse.ok())
        error = QString::fromStdString(parse.error);
    else if (const std::string problem = filter::rollupFilterProblem(parse.filter); !problem.empty())
        error = QString::fromStdString(problem);
    const bool errorMoved = error != error_;
    error_ = error;
    if (errorMoved)
        Q_EMIT errorChanged();
    if (!error.isEmpty() || parse.filter == parsed_)
        return;
    parsed_ = parse.filter;
    Q_EMIT changed();
}

} // namespace ts::ui
