#include "compare/compare_outcome.h"

#include <functional>

namespace ts::ui {

namespace {

using Metric = std::function<std::optional<double>(const CompareOutcome&)>;

// Marks every column whose metric equals the best one; `better(a, b)` says a beats b.
template <typename Better>
void markBest(const std::vector<std::optional<CompareOutcome>>& outcomes, const Metric& metric, Better better,
              std::vector<Emphasis>& out, bool Emphasis::*flag)
{
    std::optional<double> best;
    int competitors = 0;
    for (const auto& o : outcomes) {
        const auto value = o && o->ok() ? metric(*o) : std::nullopt;
        if (!value)
            continue;
        ++competitors;
        if (!best || better(*value, *best))
            best = value;
    }
    if (competitors < 2)
        return;
    for (std::size_t i = 0; i < outcomes.size(); ++i)
        if (outcomes[i] && outcomes[i]->ok() && metric(*outcomes[i]) == best)
            out[i].*flag = true;
}

} // namespace

std::optional<double> tokensPerSecond(std::int64_t outputTokens, double durationMs,
                                      std::optional<double> ttftMs)
{
    const double generatingMs = durationMs - ttftMs.value_or(0.0);
    if (outputTokens <= 0 || !(generatingMs > 0.0))
        return std::nullopt;
    return static_cast<double>(outputTokens) / (generatingMs / 1000.0);
}

std::vector<Emphasis> bestPerMetric(const std::vector<std::optional<CompareOutcome>>& outcomes)
{
    std::vector<Emphasis> out(outcomes.size());
    const Metric cost = [](const CompareOutcome& o) {
        return o.reply.costKnown ? std::optional<double>(o.reply.costUsd) : std::nullopt;
    };
    const Metric ttft = [](const CompareOutcome& o) { return o.reply.ttftMs; };
    const Metric speed = [](const CompareOutcome& o) { return o.tokensPerSecond; };
    markBest(outcomes, cost, std::less<>{}, out, &Emphasis::cheapest);
    markBest(outcomes, ttft, std::less<>{}, out, &Emphasis::fastestTtft);
    markBest(outcomes, speed, std::greater<>{}, out, &Emphasis::fastestSpeed);
    return out;
}

} // namespace ts::ui
