#pragma once
#include "trace/filter.h"

#include <QObject>
#include <QString>

namespace ts::ui {

// The one filter the live panels (Latency, Cost, Drift) share: a time range and filter text over
// what the hourly rollups keep (model, provider, route, source, user, tag). Each panel shows a bar
// bound to the same object, so narrowing one narrows them all.
class LiveFilter : public QObject
{
    Q_OBJECT
public:
    enum class Range { Day, Week, Month, Quarter, All };

    explicit LiveFilter(QObject* parent = nullptr);

    Range range() const { return range_; }
    QString text() const { return text_; }
    // Empty when the text parsed and the rollups can answer it; else a one-line reason (the last
    // good filter stays in force meanwhile).
    QString error() const { return error_; }
    // The filter as of `now`: the range as since: unless the text gives since:/until: itself, and
    // until the next hour unless the text says otherwise.
    TraceFilter effective(Nanos now) const;
    // How long the range is (0 for All), in hours.
    static std::int64_t rangeHours(Range range);
    static QString rangeLabel(Range range);

    void setRange(Range range);
    void setText(const QString& text);

Q_SIGNALS:
    void changed();      // the effective filter changed
    void errorChanged(); // the text did not parse, or parses again

private:
    Range range_ = Range::Week;
    QString text_;
    QString error_;
    TraceFilter parsed_;
};

} // namespace ts::ui
