#pragma once
#include "cache/request_key.h"
#include "gateway/exact_cache_config.h"
#include "cache/read_pool.h"
#include "gateway/stages.h"
#include "model/clock.h"
#include "trace/store.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace ts::cache {

// Which entries to invalidate: those whose given fields all match; none given: every entry.
struct CacheScope
{
    std::optional<std::string> provider;
    std::optional<std::string> model;
    std::optional<std::string> user;
};

// The exact response cache: whole answers keyed by the normalised request (requestKey), kept in the
// workspace (table cache_exact), so every process on the workspace shares them and they outlive a
// restart. Thread-safe: lookups read through a pool of connections, stores and invalidations take
// one writer connection in turn, each a single short statement. A cache that cannot be read or
// written is a miss, with the reason on the span; it never fails a request.
class ExactCache final : public ResponseCache
{
  public:
    // Throws WorkspaceError as TraceStore::open does; upgrades an older workspace in place. TTLs are
    // measured on `clock`.
    static std::unique_ptr<ExactCache> open(const std::string& path, const ExactCacheConfig& config,
                                            Clock& clock = systemClock(),
                                            TraceStore::OpenMode mode = TraceStore::OpenMode::ExistingOnly,
                                            int busyTimeoutMs = 5000);

    std::string layerName() const override { return "exact"; }
    std::optional<CachedAnswer> lookup(const ChatRequest& request, Span& span) override;
    // Keeps answers that ended on their own (stop, length, tool calls) with text or tool calls.
    void store(const ChatRequest& request, const CachedAnswer& answer, Span& span) override;

    const ExactCacheConfig& config() const { return config_; }
    const std::string& path() const { return path_; }

    // For the Cache panel; each returns how many entries it removed and throws WorkspaceError.
    std::int64_t invalidateEntry(const std::string& key);
    std::int64_t invalidateScope(const CacheScope& scope);
    std::int64_t invalidateOlderThan(Nanos age);
    std::int64_t purgeExpired() { return invalidateOlderThan(config_.ttl); }
    std::int64_t entryCount();

  private:
    ExactCache(std::string path, sql::Connection writer, const ExactCacheConfig& config, Clock& clock,
               int busyTimeoutMs);

    // Runs body on the writer connection; SQLite failures become WorkspaceError.
    template <class Body>
    auto write(Body&& body);
    void forget(const std::string& key, Nanos created, Span& span);
    void sweepIfDue(sql::Connection& db, Nanos now);

    std::string path_;
    ExactCacheConfig config_;
    Clock& clock_;
    int busyTimeoutMs_;
    std::mutex writeMutex_;
    sql::Connection writer_; // guarded by writeMutex_
    Nanos lastSweep_ = 0;    // guarded by writeMutex_
    ReadPool readers_;
};

} // namespace ts::cache
