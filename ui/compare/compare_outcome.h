#pragma once
#include "bridge/playground_session.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace ts::ui {

// What one column of a comparison ended with: the reply and its figures, the error in words.
struct CompareOutcome
{
    ReplyOutcome reply; // reply.error is describeError's sentence, empty on success
    QString provider;   // as requested
    QString model;
    std::optional<double> tokensPerSecond;

    bool ok() const { return reply.error.isEmpty() && !reply.cancelled; }
};

// Output tokens over the time spent generating them (total minus time to first token); nothing
// when there was no output or no time to divide by.
std::optional<double> tokensPerSecond(std::int64_t outputTokens, double durationMs,
                                      std::optional<double> ttftMs);

// Which columns hold the best figure of each metric. Only answers that succeeded compete, and
// only when at least two did; ties are all best.
struct Emphasis
{
    bool cheapest = false;
    bool fastestTtft = false;
    bool fastestSpeed = false;
    bool operator==(const Emphasis&) const = default;
};
std::vector<Emphasis> bestPerMetric(const std::vector<std::optional<CompareOutcome>>& outcomes);

} // namespace ts::ui

Q_DECLARE_METATYPE(ts::ui::CompareOutcome)
