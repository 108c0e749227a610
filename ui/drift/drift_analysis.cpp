#include "drift/drift_analysis.h"

#include "analytics/prompt_centroid.h"
#include "drift/prompt_sample.h"
#include "trace/store.h"

#include <algorithm>

namespace ts::ui::drift {

namespace {

using analytics::Aggregate;

constexpr Nanos kHour = kRollupBucketNs;

// The first hour with traffic, for an automatic split of an open-ended range ("All time").
std::optional<Nanos> firstTraffic(TraceReader& reader, TraceFilter filter, const CancelToken& cancel)
{
    std::optional<std::int64_t> first;
    filter.since.reset();
    reader.rollups(
        filter, false, [&](const RollupRow& row) { first = first ? std::min(*first, row.key.hour) : row.key.hour; },
        &cancel, RollupDetail::ModelLevel);
    return first ? std::optional<Nanos>(*first * kHour) : std::nullopt;
}

bool isAuto(const WindowChoice& choice)
{
    return choice.currentHours == kAuto || choice.baselineHours == kAuto;
}

MetricSeries seriesOf(const std::string& id, const Aggregate& baseline, const std::vector<Aggregate>& buckets)
{
    MetricSeries s;
    s.id = id;
    s.baselineLevel = analytics::metricLevel(id, baseline);
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        s.values.push_back(analytics::metricLevel(id, buckets[i]));
        s.requests.push_back(buckets[i].sums.requests);
        const analytics::DriftMetric m = analytics::compareMetric(id, baseline, buckets[i]);
        if (m.drifted) {
            s.alarms.push_back(i);
            s.alarmText.push_back(m.sentence);
        }
    }
    return s;
}

} // namespace

const MetricSeries* DriftAnalysis::seriesOf(std::string_view id) const
{
    for (const MetricSeries& s : series)
        if (s.id == id)
            return &s;
    return nullptr;
}

std::shared_ptr<const DriftAnalysis> analyzeDrift(TraceReader& reader, const DriftRequest& request,
                                                  const CancelToken& cancel)
{
    auto a = std::make_shared<DriftAnalysis>();
    std::optional<Nanos> rangeStart = request.filter.since;
    if (!rangeStart && isAuto(request.choice))
        rangeStart = firstTraffic(reader, request.filter, cancel);
    a->windows = windowsFor(request.choice, rangeStart, request.filter.until.value_or(request.now));
    const DriftWindows& w = a->windows;
    a->filter = request.filter;
    a->filter.since = w.baselineStart;
    a->filter.until = w.end;
    std::vector<Aggregate> buckets(static_cast<std::size_t>(w.bucketCount()));
    const Nanos firstBucket = w.bucketStart(0), bucketNs = w.bucketHours * kHour;
    // The model-level rollups (routes and models, a few dozen rows an hour) unless the filter names a
    // user or a tag: segments by tag only then, since the full table may hold a row per request.
    const bool full = std::any_of(request.filter.terms.begin(), request.filter.terms.end(),
                                  [](const TraceFilter::Term& t) { return t.key == "user" || t.key == "tag"; });
    std::vector<analytics::Dimension> bySegment{analytics::Dimension::Route, analytics::Dimension::Model};
    if (full)
        bySegment.push_back(analytics::Dimension::Tag);
    analytics::SegmentWindows segments(bySegment);
    const bool read = reader.rollups(
        a->filter, true,
        [&](const RollupRow& row) {
            const Nanos at = row.key.hour * kHour;
            if (at < w.baselineStart || at >= w.end)
                return;
            (at < w.split ? a->baseline : a->current).add(row.m);
            if (at >= firstBucket)
                buckets[static_cast<std::size_t>((at - firstBucket) / bucketNs)].add(row.m);
            segments.add(row, at >= w.split);
        },
        &cancel, full ? RollupDetail::Full : RollupDetail::ModelLevel);
    if (!read || cancel.cancelled())
        return nullptr;
    a->segments = segments.drifted();
    for (const std::string& id : analytics::driftMetricIds())
        if (id != "prompt_centroid") // the centroid is judged per window, not per bucket
            a->series.push_back(seriesOf(id, a->baseline, buckets));
    TraceFilter before = a->filter, now = a->filter;
    before.until = w.split;
    now.since = w.split;
    const auto baselinePrompts = samplePrompts(reader, before, request.promptSample, cancel);
    const auto currentPrompts = samplePrompts(reader, now, request.promptSample, cancel);
    if (cancel.cancelled())
        return nullptr;
    a->baselinePrompts = baselinePrompts.size();
    a->currentPrompts = currentPrompts.size();
    a->report = analytics::compareWindows(a->baseline, a->current,
                                          analytics::promptCentroids(baselinePrompts, currentPrompts));
    return a;
}

} // namespace ts::ui::drift
