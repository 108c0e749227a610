#pragma once
#include "cache/cache_report.h"
#include "cache/threshold_tuning.h"

#include <QString>

// The Cache panel's sentences, kept apart from the widgets so tests can read them.
namespace ts::ui::cachepanel::text {

QString layerTitle(ts::cache::CacheLayer layer); // Exact, Semantic, Provider prefix
QString percent(double ratio); // 14%, 0.5%, 0%
QString threshold(float value); // 0.92
// "At 0.92, 14% of 1,240 requests would have been served from the cache, saving $3.10; 2 of those
// hits had different answers."
QString tuningSentence(const ts::cache::ThresholdFigures& figures);
// "Exact: 12% of 1,240 lookups hit, saving $3.10"
QString layerLine(ts::cache::CacheLayer layer, const ts::cache::LayerFigures& figures);
// Which layers have seen no hit, and why that may be; empty when every layer has.
QString missingHits(const ts::cache::CacheReport& report);

} // namespace ts::ui::cachepanel::text
