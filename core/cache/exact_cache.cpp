#include "cache/exact_cache.h"

#include "cache/answer_json.h"
#include "cache/exact_rows.h"
#include "cache/keep_rule.h"
#include "model/attributes.h"
#include "model/span_note.h"
#include "trace/workspace_open.h"

#include <algorithm>
#include <numeric>

namespace ts::cache {

namespace {

// Expired entries nobody asks for again are swept out by stores, at most this often.
constexpr Nanos kSweepEvery = 600 * kNsPerSec;

std::string shortKey(const std::string& key)
{
    return key.substr(0, 12);
}

} // namespace

std::unique_ptr<ExactCache> ExactCache::open(const std::string& path, const ExactCacheConfig& config, Clock& clock,
                                             TraceStore::OpenMode mode, int busyTimeoutMs)
{
    sql::Connection writer = workspace::openWorkspace(path, mode, busyTimeoutMs);
    return std::unique_ptr<ExactCache>(new ExactCache(path, std::move(writer), config, clock, busyTimeoutMs));
}

ExactCache::ExactCache(std::string path, sql::Connection writer, const ExactCacheConfig& config, Clock& clock,
                       int busyTimeoutMs)
    : path_(std::move(path)), config_(config), clock_(clock), busyTimeoutMs_(busyTimeoutMs),
      writer_(std::move(writer)), readers_(path_, busyTimeoutMs)
{
}

template <class Body>
auto ExactCache::write(Body&& body)
{
    std::lock_guard lock(writeMutex_);
    try {
        return body(writer_);
    } catch (const sql::Error& e) {
        throw workspace::workspaceError(path_, e, busyTimeoutMs_);
    }
}

std::optional<CachedAnswer> ExactCache::lookup(const ChatRequest& request, Span& span)
{
    const RequestKey key = requestKey(request, config_.key);
    note(span, attr::kCacheKey, key.digest);
    std::optional<rows::Entry> entry;
    try {
        ReadPool::Lease db = readers_.lease();
        entry = rows::find(*db, key.digest);
    } catch (const std::exception& e) { // sql::Error, or WorkspaceError opening a connection
        note(span, attr::kCacheError, "the cache could not be read: " + std::string(e.what()));
        return std::nullopt;
    }
    if (!entry)
        return std::nullopt;
    const Nanos age = std::max<Nanos>(0, clock_.now() - entry->created);
    note(span, attr::kCacheAgeMs, std::int64_t{age / kNsPerMs});
    if (age > config_.ttl) {
        note(span, attr::kCacheExpired, true);
        forget(key.digest, entry->created, span);
        return std::nullopt;
    }
    std::string error;
    std::optional<CachedAnswer> answer = answerFromJson(entry->answerJson, error);
    if (!answer) {
        note(span, attr::kCacheError, "cache entry " + shortKey(key.digest) + " is unreadable: " + error +
                                          "; treated as a miss and removed");
        forget(key.digest, entry->created, span);
        return std::nullopt;
    }
    answer->costUsd = entry->costUsd;
    answer->paced = config_.replay == ReplayPacing::Original;
    note(span, attr::kCacheEntry, key.digest);
    return answer;
}

// An expired or unreadable entry goes at once, unless a newer answer replaced it meanwhile.
void ExactCache::forget(const std::string& key, Nanos created, Span& span)
{
    try {
        write([&](sql::Connection& db) { return rows::removeIfCreated(db, key, created); });
    } catch (const WorkspaceError& e) {
        note(span, attr::kCacheError, "the cache could not be cleaned: " + std::string(e.what()));
    }
}

void ExactCache::store(const ChatRequest& request, const CachedAnswer& answer, Span& span)
{
    const RequestKey key = requestKey(request, config_.key);
    note(span, attr::kCacheKey, key.digest);
    note(span, attr::kCacheStored, false);
    if (const std::string why = notWorthKeeping(answer.response); !why.empty())
        return note(span, attr::kCacheSkipped, why);
    CachedAnswer kept = answer;
    const std::size_t streamed = std::accumulate(kept.deltas.begin(), kept.deltas.end(), std::size_t{0},
                                                 [](std::size_t n, const TextDelta& d) { return n + d.bytes; });
    if (streamed != kept.response.text.size())
        kept.deltas.clear(); // the text was changed after it streamed (redaction): replay it whole
    const Nanos now = clock_.now();
    const rows::Entry entry{key.digest, request.provider, request.model, key.user,
                            now,        answer.costUsd,   key.canonical, answerJson(kept)};
    try {
        write([&](sql::Connection& db) {
            rows::put(db, entry);
            sweepIfDue(db, now);
        });
    } catch (const WorkspaceError& e) {
        return note(span, attr::kCacheError, "the answer could not be cached: " + std::string(e.what()));
    }
    note(span, attr::kCacheStored, true);
}

void ExactCache::sweepIfDue(sql::Connection& db, Nanos now)
{
    if (now - lastSweep_ < std::min(kSweepEvery, config_.ttl))
        return;
    lastSweep_ = now;
    rows::removeCreatedBefore(db, now - config_.ttl);
}

std::int64_t ExactCache::invalidateEntry(const std::string& key)
{
    return write([&](sql::Connection& db) { return rows::removeKey(db, key); });
}

std::int64_t ExactCache::invalidateScope(const CacheScope& scope)
{
    return write([&](sql::Connection& db) { return rows::removeScope(db, scope.provider, scope.model, scope.user); });
}

std::int64_t ExactCache::invalidateOlderThan(Nanos age)
{
    const Nanos cutoff = clock_.now() - age;
    return write([&](sql::Connection& db) { return rows::removeCreatedBefore(db, cutoff); });
}

std::int64_t ExactCache::entryCount()
{
    return write([&](sql::Connection& db) { return rows::count(db); });
}

} // namespace ts::cache
