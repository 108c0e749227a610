#include "analytics/rollup_cube.h"

#include <algorithm>

namespace ts::analytics {

namespace {

double ratio(std::int64_t part, std::int64_t whole)
{
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

std::vector<std::string> splitTags(const std::string& tags)
{
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= tags.size()) {
        std::size_t comma = tags.find(',', from);
        if (comma == std::string::npos)
            comma = tags.size();
        std::string tag = tags.substr(from, comma - from);
        const auto first = tag.find_first_not_of(' ');
        const auto last = tag.find_last_not_of(' ');
        tag = first == std::string::npos ? std::string() : tag.substr(first, last - first + 1);
        if (!tag.empty() && std::find(out.begin(), out.end(), tag) == out.end())
            out.push_back(std::move(tag));
        from = comma + 1;
    }
    return out;
}

} // namespace

std::string_view dimensionName(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Model: return "model";
    case Dimension::Provider: return "provider";
    case Dimension::Route: return "route";
    case Dimension::Source: return "source";
    case Dimension::User: return "user";
    case Dimension::Tag: return "tag";
    case Dimension::None: break;
    }
    return "";
}

std::vector<std::string> dimensionValues(const RollupKey& key, Dimension dimension)
{
    switch (dimension) {
    case Dimension::Model: return {key.model};
    case Dimension::Provider: return {key.provider};
    case Dimension::Route: return {key.route};
    case Dimension::Source: return {key.source};
    case Dimension::User: return {key.user};
    case Dimension::Tag: {
        auto tags = splitTags(key.tags);
        if (tags.empty())
            tags.emplace_back();
        return tags;
    }
    case Dimension::None: break;
    }
    return {std::string()};
}

void Aggregate::add(const RollupMeasures& m)
{
    addRollupScalars(sums, m);
    latency.add(m.latency);
    ttft.add(m.ttft);
    tpot.add(m.tpot);
    input.add(m.inputHist);
    output.add(m.outputHist);
}

void Aggregate::merge(const Aggregate& other)
{
    addRollupScalars(sums, other.sums);
    latency.merge(other.latency);
    ttft.merge(other.ttft);
    tpot.merge(other.tpot);
    input.merge(other.input);
    output.merge(other.output);
}

double Aggregate::errorRate() const { return ratio(sums.errors, sums.requests); }
double Aggregate::refusalRate() const { return ratio(sums.refusals, sums.requests); }
double Aggregate::cacheHitRate() const { return ratio(sums.cacheHits, sums.requests); }
double Aggregate::guardFlaggedRate() const { return ratio(sums.guardFlagged, sums.requests); }

double Aggregate::meanLatencyMs() const
{
    return sums.requests > 0 ? sums.durationMs / static_cast<double>(sums.requests) : 0.0;
}

double Aggregate::costPerThousand() const
{
    return sums.requests > 0 ? sums.costUsd * 1000.0 / static_cast<double>(sums.requests) : 0.0;
}

std::int64_t bucketHour(std::int64_t hour, Granularity granularity)
{
    if (granularity == Granularity::Hour)
        return hour;
    return (hour >= 0 ? hour / 24 : (hour - 23) / 24) * 24;
}

void RollupCube::add(const RollupRow& row)
{
    const std::int64_t bucket = bucketHour(row.key.hour, granularity_);
    if (last_ < first_) {
        first_ = last_ = bucket;
    } else {
        first_ = std::min(first_, bucket);
        last_ = std::max(last_, bucket);
    }
    for (std::string& group : dimensionValues(row.key, dimension_)) {
        cells_[{bucket, group}].add(row.m);
        groups_[std::move(group)].add(row.m);
    }
    total_.add(row.m);
}

std::vector<std::int64_t> RollupCube::buckets() const
{
    std::vector<std::int64_t> out;
    for (std::int64_t b = first_; b <= last_; b += hoursPer(granularity_))
        out.push_back(b);
    return out;
}

std::vector<std::string> RollupCube::groupsBy(double (*measure)(const Aggregate&)) const
{
    std::vector<std::pair<double, std::string>> ranked;
    for (const auto& [name, aggregate] : groups_)
        ranked.emplace_back(measure(aggregate), name);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (auto& [value, name] : ranked)
        out.push_back(std::move(name));
    return out;
}

const Aggregate* RollupCube::cell(std::int64_t bucket, const std::string& group) const
{
    const auto it = cells_.find({bucket, group});
    return it == cells_.end() ? nullptr : &it->second;
}

} // namespace ts::analytics
