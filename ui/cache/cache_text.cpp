#include "cache/cache_text.h"

#include "common/format.h"

#include <QStringList>

using namespace Qt::StringLiterals;
using ts::cache::CacheLayer;

namespace ts::ui::cachepanel::text {

namespace {

QString differing(std::int64_t count)
{
    if (count == 0)
        return u"none of those hits had a different answer."_s;
    if (count == 1)
        return u"1 of those hits had a different answer."_s;
    return format::grouped(count) + u" of those hits had different answers."_s;
}

} // namespace

QString layerTitle(CacheLayer layer)
{
    QString name = QString::fromUtf8(ts::cache::layerName(layer));
    name[0] = name[0].toUpper();
    return name;
}

QString percent(double ratio)
{
    const double p = ratio * 100;
    if (p > 0 && p < 10)
        return QString::number(p, 'f', 1) + u'%';
    return QString::number(p, 'f', 0) + u'%';
}

QString threshold(float value) { return QString::number(static_cast<double>(value), 'f', 2); }

QString tuningSentence(const ts::cache::ThresholdFigures& f)
{
    if (f.requests == 0)
        return u"No recorded request ends with a user's question, so there is nothing to tune on yet."_s;
    const QString at = u"At "_s + threshold(f.threshold) + u", "_s;
    const QString of = u" of "_s + format::grouped(f.requests) + (f.requests == 1 ? u" request"_s : u" requests"_s);
    if (f.hits == 0)
        return at + u"none"_s + of + u" would have been served from the cache."_s;
    return at + percent(f.hitRate()) + of + u" would have been served from the cache, saving "_s + format::cost(f.savedUsd) +
           u"; "_s + differing(f.differing);
}

QString layerLine(CacheLayer layer, const ts::cache::LayerFigures& f)
{
    const bool prefix = layer == CacheLayer::ProviderPrefix;
    if (f.requests == 0)
        return layerTitle(layer) + (prefix ? u": no model calls recorded"_s : u": no lookups recorded"_s);
    return layerTitle(layer) + u": "_s + percent(f.hitRate()) + u" of "_s + format::grouped(f.requests) +
           (prefix ? u" calls read cached input, saving "_s : u" lookups hit, saving "_s) + format::cost(f.savedUsd);
}

QString missingHits(const ts::cache::CacheReport& report)
{
    QStringList idle;
    for (const CacheLayer layer : {CacheLayer::Exact, CacheLayer::Semantic})
        if (report.total(layer).hits == 0)
            idle << QString::fromUtf8(ts::cache::layerName(layer));
    if (idle.isEmpty())
        return {};
    return u"No "_s + idle.join(u" or "_s) +
           u" cache hits yet in these traces: the cache is off or has not met a repeated question. "
           u"Threshold tuning shows what a semantic cache would have done."_s;
}

} // namespace ts::ui::cachepanel::text
