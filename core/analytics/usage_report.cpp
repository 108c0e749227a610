#include "analytics/usage_report.h"

#include <algorithm>
#include <stdexcept>

namespace ts::analytics {

namespace {

constexpr std::size_t kMessageBytes = 200;
constexpr std::size_t kDistinctMessages = 10'000;
constexpr std::string_view kOther = "(other messages)";
constexpr std::string_view kNoMessage = "(no message)";

// The message cut to at most kMessageBytes, never inside a UTF-8 character.
std::string_view shortened(std::string_view message)
{
    if (message.size() <= kMessageBytes)
        return message;
    std::size_t cut = kMessageBytes;
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80)
        --cut;
    return message.substr(0, cut);
}

UsageLine lineOf(const std::string& name, const Aggregate& a, double totalCost)
{
    UsageLine line;
    line.name = name;
    line.requests = a.sums.requests;
    line.errors = a.sums.errors;
    line.inputTokens = a.sums.inputTokens;
    line.outputTokens = a.sums.outputTokens;
    line.cachedTokens = a.sums.cacheReadTokens;
    line.costUsd = a.sums.costUsd;
    line.costShare = totalCost > 0 ? a.sums.costUsd / totalCost : 0.0;
    line.errorRate = a.errorRate();
    line.latencyP50Ms = a.latency.quantile(0.5);
    line.latencyP95Ms = a.latency.quantile(0.95);
    if (!a.ttft.empty())
        line.ttftP50Ms = a.ttft.quantile(0.5);
    return line;
}

} // namespace

void ErrorTally::add(std::string_view message)
{
    std::string_view key = message.empty() ? kNoMessage : shortened(message);
    auto it = counts_.find(key);
    if (it == counts_.end()) {
        if (counts_.size() >= kDistinctMessages)
            key = kOther;
        it = counts_.emplace(std::string(key), 0).first;
    }
    ++it->second;
}

std::vector<ErrorCount> ErrorTally::top(std::size_t count) const
{
    std::vector<ErrorCount> out;
    for (const auto& [message, n] : counts_)
        out.push_back({message, n});
    // Most frequent first; equal counts in message order, so a report is the same every time.
    std::stable_sort(out.begin(), out.end(),
                     [](const ErrorCount& a, const ErrorCount& b) { return a.count > b.count; });
    if (out.size() > count)
        out.resize(count);
    return out;
}

UsageReport usageReport(const RollupCube& cube, const ErrorTally& errors, std::size_t topErrors)
{
    if (cube.granularity() != Granularity::Day || cube.dimension() != Dimension::Model)
        throw std::invalid_argument("usageReport: needs a cube of days grouped by model");
    UsageReport report;
    const double totalCost = cube.total().sums.costUsd;
    report.totals = lineOf("", cube.total(), totalCost);
    for (const auto& [model, aggregate] : cube.groups())
        report.models.push_back(lineOf(model, aggregate, totalCost));
    std::stable_sort(report.models.begin(), report.models.end(), [](const UsageLine& a, const UsageLine& b) {
        return a.costUsd != b.costUsd ? a.costUsd > b.costUsd : a.requests > b.requests;
    });
    for (std::int64_t day : cube.buckets()) {
        DayUsage d{day, 0, 0, 0};
        for (const auto& [model, ignored] : cube.groups())
            if (const Aggregate* cell = cube.cell(day, model)) {
                d.requests += cell->sums.requests;
                d.errors += cell->sums.errors;
                d.costUsd += cell->sums.costUsd;
            }
        report.days.push_back(d);
    }
    report.errors = errors.top(topErrors);
    return report;
}

} // namespace ts::analytics
