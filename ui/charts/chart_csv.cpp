#include "charts/chart_csv.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace ts::ui::charts {

namespace {

QString field(const QString& text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    return u'"' + QString(text).replace(u"\""_s, u"\"\""_s) + u'"';
}

QString number(double value) { return QString::number(value, 'g', 12); }

QString row(const QStringList& fields)
{
    QStringList quoted;
    for (const QString& f : fields)
        quoted << field(f);
    return quoted.join(u',') + u'\n';
}

} // namespace

QString csvOf(const TimeSeries& data)
{
    QStringList header{data.xLabels.isEmpty() ? u"day"_s : u"time"_s};
    for (const DaySeries& s : data.series)
        header << s.name;
    QString out = row(header);
    for (qsizetype d = 0; d < data.size(); ++d) {
        QStringList fields{data.xLabels.isEmpty() ? data.days[d].toString(Qt::ISODate) : data.xLabels[d]};
        for (const DaySeries& s : data.series)
            fields << (d < s.values.size() ? number(s.values[d]) : QString());
        out += row(fields);
    }
    return out;
}

QString csvOf(const Bars& data)
{
    QStringList header{u"category"_s};
    for (const DaySeries& s : data.series)
        header << s.name;
    QString out = row(header);
    for (qsizetype c = 0; c < data.categories.size(); ++c) {
        QStringList fields{data.categories[c]};
        for (const DaySeries& s : data.series)
            fields << (c < s.values.size() ? number(s.values[c]) : QString());
        out += row(fields);
    }
    return out;
}

QString csvOf(const XYCurves& data)
{
    QString out = row({data.xTitle, data.leftCurve.name, data.rightCurve.name});
    const auto& left = data.leftCurve.points;
    const auto& right = data.rightCurve.points;
    for (qsizetype i = 0; i < left.size(); ++i)
        out += row({number(left[i].x()), number(left[i].y()), i < right.size() ? number(right[i].y()) : QString()});
    return out;
}

} // namespace ts::ui::charts
