#include "cache/threshold_tuning.h"

#include "cache/embedding_math.h"
#include "cache/lexical_embedder.h"
#include "cache/request_key.h"
#include "cache/semantic_query.h"
#include "model/attributes.h"

#include <algorithm>
#include <unordered_map>

namespace ts::cache {

namespace {

std::string answerOf(const Trace& trace)
{
    std::string text;
    for (const Message& m : trace.output)
        if (m.role == Role::Assistant)
            text += m.content;
    return text;
}

// A request served from a cache cost nothing; what it saved is what it would have cost.
double requestCost(const Trace& trace)
{
    if (trace.summary.costUsd > 0)
        return trace.summary.costUsd;
    for (const Span& span : trace.spans)
        if (span.attrString(attr::kStage) == "cache.lookup" && span.attrBool(attr::kCacheHit))
            return span.attrDouble(attr::kCacheSavedUsd).value_or(0);
    return 0;
}

std::string exactKeyOf(const Trace& trace)
{
    for (const Span& span : trace.spans) {
        if (span.attrString(attr::kCacheLayer) != "exact")
            continue;
        if (auto entry = span.attrString(attr::kCacheEntry); !entry.empty())
            return entry;
        if (auto key = span.attrString(attr::kCacheKey); !key.empty())
            return key;
    }
    return {};
}

bool isHit(const TuningPair& pair, float threshold) { return pair.similarity >= threshold; }

float thresholdOf(int percent) { return static_cast<float>(percent) / 100.0f; }

} // namespace

std::optional<TuningRequest> tuningRequestOf(const Trace& trace)
{
    ChatRequest request;
    request.model = trace.summary.model;
    request.messages = trace.input;
    request.meta.user = trace.summary.user;
    const auto query = semanticQueryOf(request, false);
    const auto* q = std::get_if<SemanticQuery>(&query);
    if (!q)
        return std::nullopt;
    return TuningRequest{trace.traceId, trace.summary.start, q->scope, q->text, answerOf(trace), requestCost(trace),
                         exactKeyOf(trace)};
}

ThresholdFigures TuningResult::at(float threshold) const
{
    ThresholdFigures f;
    f.threshold = threshold;
    f.requests = static_cast<std::int64_t>(requests.size());
    for (const TuningPair& pair : matches) {
        if (!isHit(pair, threshold))
            continue;
        ++f.hits;
        f.differing += pair.answersDiffer ? 1 : 0;
        f.savedUsd += requests[pair.request].costUsd;
    }
    return f;
}

std::vector<ThresholdFigures> TuningResult::curve() const
{
    std::vector<ThresholdFigures> points;
    for (int percent = kFirstThresholdPercent; percent <= kLastThresholdPercent; ++percent)
        points.push_back(at(thresholdOf(percent)));
    return points;
}

std::vector<TuningPair> TuningResult::nearMisses(float threshold, std::size_t limit, float window) const
{
    std::vector<TuningPair> out;
    for (const TuningPair& pair : matches)
        if (!isHit(pair, threshold) && pair.similarity >= threshold - window)
            out.push_back(pair);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.similarity > b.similarity; });
    out.resize(std::min(limit, out.size()));
    return out;
}

std::vector<TuningPair> TuningResult::riskiestHits(float threshold, std::size_t limit) const
{
    std::vector<TuningPair> out;
    for (const TuningPair& pair : matches)
        if (isHit(pair, threshold))
            out.push_back(pair);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.answersDiffer != b.answersDiffer ? a.answersDiffer : a.similarity < b.similarity;
    });
    out.resize(std::min(limit, out.size()));
    return out;
}

std::optional<TuningResult> tuneThreshold(std::vector<TuningRequest> requests, const CancelToken* cancel,
                                          const TuningProgress& progress, Nanos window)
{
    std::stable_sort(requests.begin(), requests.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    TuningResult result;
    std::vector<std::vector<float>> vectors(requests.size());
    std::unordered_map<std::string, std::vector<std::size_t>> earlierInScope;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        if (cancel && cancel->cancelled())
            return std::nullopt;
        vectors[i] = lexicalVector(requests[i].prompt);
        std::vector<std::size_t>& earlier = earlierInScope[requests[i].scope];
        std::optional<TuningPair> best;
        for (const std::size_t j : earlier) {
            if (requests[i].start - requests[j].start > window)
                continue; // expired by then
            // A repeated question is a match at any threshold, whatever the rounding of its dot product.
            const float similarity =
                requests[i].prompt == requests[j].prompt ? 1.0f : std::min(1.0f, dotProduct(vectors[i], vectors[j]));
            if (!best || similarity > best->similarity)
                best = TuningPair{i, j, similarity, false};
        }
        if (best) {
            best->answersDiffer = collapseWhitespace(requests[i].answer) != collapseWhitespace(requests[best->earlier].answer);
            result.matches.push_back(*best);
        }
        earlier.push_back(i);
        if (progress)
            progress(i + 1, requests.size());
    }
    result.requests = std::move(requests);
    return result;
}

} // namespace ts::cache
