#include "common/format.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace ts::ui::format {

namespace {

// Rounds to the given number of decimals, so thresholds are checked on what will be printed.
double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

QString fixed(double value, int decimals) { return QString::number(value, 'f', decimals); }

QString twoDigits(std::int64_t value) { return QString::number(value).rightJustified(2, u'0'); }

QString plural(std::int64_t n, const QString& unit) { return QString::number(n) % u' ' % unit % (n == 1 ? u""_s : u"s"_s); }

QString secondsAndUp(double seconds)
{
    if (roundTo(seconds, 2) < 60)
        return fixed(seconds, 2) % u" s";
    const std::int64_t total = std::llround(seconds);
    if (total < 3600)
        return QString::number(total / 60) % u" min " % twoDigits(total % 60) % u" s";
    const std::int64_t minutes = std::llround(seconds / 60);
    return QString::number(minutes / 60) % u" h " % twoDigits(minutes % 60) % u" min";
}

QString agoPhrase(std::int64_t seconds)
{
    constexpr std::int64_t kDay = 86400;
    if (seconds < 60)
        return QString::number(seconds) % u" s";
    if (seconds < 3600)
        return QString::number(seconds / 60) % u" min";
    if (seconds < kDay)
        return QString::number(seconds / 3600) % u" h";
    if (seconds < 30 * kDay)
        return plural(seconds / kDay, u"day"_s);
    if (seconds < 365 * kDay)
        return plural(seconds / (30 * kDay), u"month"_s);
    return plural(seconds / (365 * kDay), u"year"_s);
}

} // namespace

QString grouped(std::int64_t value)
{
    if (value < 0)
        return u'-' % grouped(-value);
    QString digits = QString::number(value);
    for (qsizetype pos = digits.size() - 3; pos > 0; pos -= 3)
        digits.insert(pos, u',');
    return digits;
}

QString traceCount(std::int64_t count) { return count == 1 ? u"1 trace"_s : grouped(count) % u" traces"_s; }

QString tokens(std::int64_t count) { return grouped(count); }

QString bytes(std::uintmax_t size)
{
    if (size < 1000)
        return QString::number(size) + u" B"_s;
    static constexpr const char16_t* kUnits[] = {u" KB", u" MB", u" GB", u" TB"};
    double value = static_cast<double>(size) / 1000;
    int unit = 0;
    for (; value >= 999.95 && unit < 3; ++unit)
        value /= 1000;
    return QString::number(value, 'f', unit >= 2 && value < 10 ? 2 : 1) + QString::fromUtf16(kUnits[unit]);
}

QString cost(double usd)
{
    if (usd < 0)
        return u'-' % cost(-usd);
    if (usd == 0)
        return u"$0"_s;
    const std::int64_t tenThousandths = std::llround(usd * 10'000);
    if (tenThousandths == 0)
        return u"<$0.0001"_s;
    if (tenThousandths < 10'000)
        return u'$' % fixed(usd, 4);
    const std::int64_t cents = std::llround(usd * 100);
    return u'$' % grouped(cents / 100) % u'.' % twoDigits(cents % 100);
}

QString duration(double ms)
{
    if (ms < 0)
        return u'-' % duration(-ms);
    if (ms == 0)
        return u"0 ms"_s;
    // Guards and cache lookups take microseconds: say so rather than "0.00 ms".
    if (std::llround(ms * 1000) < 100)
        return QString::number(std::max<long long>(1, std::llround(ms * 1000))) % u" µs";
    if (roundTo(ms, 2) < 1)
        return fixed(ms, 2) % u" ms";
    if (roundTo(ms, 1) < 10)
        return fixed(ms, 1) % u" ms";
    if (std::round(ms) < 1000)
        return QString::number(std::llround(ms)) % u" ms";
    return secondsAndUp(ms / 1000);
}

QString offset(double ms)
{
    const QString sign = ms < 0 ? u"-"_s : u"+"_s;
    const double magnitude = std::abs(ms);
    if (roundTo(magnitude, 1) < 1000)
        return sign % fixed(magnitude, 1) % u" ms";
    return sign % fixed(magnitude / 1000, 3) % u" s";
}

QString timestamp(Nanos ns)
{
    // Qt::LocalTime rather than QTimeZone::systemTimeZone(): the same text, less than half the cost,
    // which counts when a page of rows is formatted.
    return QDateTime::fromMSecsSinceEpoch(ns / kNsPerMs).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString timestamp(Nanos ns, const QTimeZone& zone)
{
    return QDateTime::fromMSecsSinceEpoch(ns / kNsPerMs, zone).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString relativeTime(Nanos then, Nanos now)
{
    const std::int64_t seconds = (now - then) / kNsPerSec;
    if (std::llabs(seconds) < 5)
        return u"just now"_s;
    if (seconds < 0)
        return u"in "_s % agoPhrase(-seconds);
    return agoPhrase(seconds) % u" ago";
}

} // namespace ts::ui::format
