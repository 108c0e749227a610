#include "cache/semantic_cache.h"

#include "cache/embedding_one.h"
#include "cache/keep_rule.h"
#include "cache/semantic_query.h"
#include "cache/semantic_threshold.h"

#include <limits>
#include <mutex>

namespace ts::cache {

namespace {

// Candidates read from the index per lookup, so that a few expired entries (skipped, and removed by
// the next store) do not hide a live one behind them.
constexpr std::size_t kCandidates = 8;

std::string dimensionMismatch(std::size_t got, std::size_t want)
{
    return "the embedder gave " + std::to_string(got) + " dimensions; this scope's index has " +
           std::to_string(want);
}

} // namespace

SemanticCache::SemanticCache(std::shared_ptr<Embedder> embedder, SemanticCacheConfig config, Clock& clock)
    : embedder_(std::move(embedder)), config_(std::move(config)), clock_(clock),
      threshold_(config_.threshold.value_or(defaultThresholdFor(embedder_->id())))
{
}

SemanticLookup SemanticCache::lookup(const ChatRequest& request, const CancelToken* cancel)
{
    SemanticLookup out;
    const auto query = semanticQueryOf(request, config_.shareAcrossUsers);
    if (const auto* why = std::get_if<std::string>(&query)) {
        out.skipped = "not cacheable: " + *why;
        return out;
    }
    const SemanticQuery& q = std::get<SemanticQuery>(query);
    {
        std::shared_lock lock(mutex_);
        if (!scopes_.contains(q.scope))
            return out; // nothing to compare with: spare the embedding call
    }
    const auto embedded = embedOne(*embedder_, q.text, cancel);
    if (const auto* why = std::get_if<std::string>(&embedded)) {
        out.skipped = "embedding failed: " + *why;
        return out;
    }
    const std::vector<float>& vector = std::get<std::vector<float>>(embedded);
    const Nanos now = clock_.now();
    std::shared_lock lock(mutex_);
    const auto found = scopes_.find(q.scope);
    if (found == scopes_.end())
        return out;
    const Scope& scope = *found->second;
    if (vector.size() != scope.index.dimension()) {
        out.skipped = dimensionMismatch(vector.size(), scope.index.dimension());
        return out;
    }
    for (const Neighbour& n : scope.index.search(vector, kCandidates)) {
        const auto entry = scope.entries.find(n.label);
        if (entry == scope.entries.end() || expired(entry->second, now))
            continue;
        out.nearest = n;
        if (n.similarity >= threshold_)
            out.hit = SemanticHit{entry->second.response, entry->second.text,        n.similarity, n.label,
                                  entry->second.costUsd,  now - entry->second.created, entry->second.simulated};
        break;
    }
    return out;
}

std::string SemanticCache::store(const ChatRequest& request, const ChatResponse& response, double costUsd,
                                 const CancelToken* cancel, bool simulated)
{
    if (std::string why = notWorthKeeping(response); !why.empty())
        return why;
    const auto query = semanticQueryOf(request, config_.shareAcrossUsers);
    if (const auto* why = std::get_if<std::string>(&query))
        return "not cacheable: " + *why;
    const SemanticQuery& q = std::get<SemanticQuery>(query);
    const auto embedded = embedOne(*embedder_, q.text, cancel);
    if (const auto* why = std::get_if<std::string>(&embedded))
        return "embedding failed: " + *why;
    const std::vector<float>& vector = std::get<std::vector<float>>(embedded);
    const Nanos now = clock_.now();
    std::unique_lock lock(mutex_);
    std::unique_ptr<Scope>& scope = scopes_[q.scope];
    if (!scope)
        scope = std::make_unique<Scope>(vector.size(), config_.index);
    if (vector.size() != scope->index.dimension())
        return dimensionMismatch(vector.size(), scope->index.dimension());
    trim(*scope, now, std::max<std::size_t>(config_.maxEntriesPerScope, 1) - 1);
    const std::uint64_t id = nextId_++;
    scope->index.add(id, vector);
    scope->entries.emplace(id, Entry{q.text, response, now, costUsd, simulated});
    return {};
}

std::size_t SemanticCache::purgeExpired()
{
    const Nanos now = clock_.now();
    std::unique_lock lock(mutex_);
    std::size_t removed = 0;
    for (auto it = scopes_.begin(); it != scopes_.end();) {
        removed += trim(*it->second, now, std::numeric_limits<std::size_t>::max());
        it = it->second->entries.empty() ? scopes_.erase(it) : std::next(it);
    }
    return removed;
}

std::string SemanticCache::embedderLabel() const
{
    const std::string id = embedder_->id();
    return id == "lexical" ? "lexical (local)" : id;
}

std::size_t SemanticCache::size() const
{
    std::shared_lock lock(mutex_);
    std::size_t n = 0;
    for (const auto& [key, scope] : scopes_)
        n += scope->entries.size();
    return n;
}

bool SemanticCache::expired(const Entry& entry, Nanos now) const
{
    return config_.ttl > 0 && now - entry.created >= config_.ttl;
}

// Entries are kept by id, which grows with time, so the expired ones and the oldest are in front.
std::size_t SemanticCache::trim(Scope& scope, Nanos now, std::size_t keep)
{
    std::size_t removed = 0;
    while (!scope.entries.empty() &&
           (scope.entries.size() > keep || expired(scope.entries.begin()->second, now))) {
        scope.index.remove(scope.entries.begin()->first);
        scope.entries.erase(scope.entries.begin());
        ++removed;
    }
    return removed;
}

} // namespace ts::cache
