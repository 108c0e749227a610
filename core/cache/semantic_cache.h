#pragma once
#include "cache/embedding_neighbour.h"
#include "cache/hnsw_index.h"
#include "model/clock.h"
#include "model/request.h"
#include "model/response.h"
#include "providers/embedder.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace ts::cache {

struct SemanticCacheConfig
{
    std::optional<float> threshold;           // none: defaultThresholdFor(the embedder's id)
    Nanos ttl = 24 * 3600 * kNsPerSec;        // 0: entries never expire
    bool shareAcrossUsers = false;            // on: one user's answer may serve another who asks alike
    std::size_t maxEntriesPerScope = 100'000; // the oldest entry goes to make room
    HnswParams index;
};

struct SemanticHit
{
    ChatResponse response;
    std::string question; // what the entry's request asked, for review beside the new question
    float similarity = 0;
    std::uint64_t entryId = 0;
    double costUsd = 0; // what the original call cost: what this hit saved
    Nanos ageNs = 0;
    bool simulated = false; // the simulated provider wrote it: a hit says so as the call did
};

struct SemanticLookup
{
    std::optional<SemanticHit> hit;
    std::optional<Neighbour> nearest; // the closest live entry, hit or near miss
    std::string skipped;              // why nothing was looked up ("" when the scope was searched)
};

// Answers a question from an earlier answer to a similar one: the question (semantic_query.h) is
// embedded and searched for in its scope's HNSW index, and the closest live entry at or above the
// threshold is a hit. One index per scope, since hnswlib cannot filter a search. In memory only:
// entries do not outlive the process (the exact cache is the one kept in the workspace).
// Thread-safe: lookups run together, a store waits for them; embedding happens outside the lock.
class SemanticCache
{
  public:
    SemanticCache(std::shared_ptr<Embedder> embedder, SemanticCacheConfig config = {},
                  Clock& clock = systemClock());

    SemanticLookup lookup(const ChatRequest& request, const CancelToken* cancel = nullptr);
    // Keeps an answer that ended on its own; costUsd is what the call cost (the pipeline prices it
    // with catalog/cost.h). Returns why it was not kept, or "" when it was.
    std::string store(const ChatRequest& request, const ChatResponse& response, double costUsd,
                      const CancelToken* cancel = nullptr, bool simulated = false);
    // Drops expired entries and the scopes they leave empty; returns how many entries went.
    std::size_t purgeExpired();

    float threshold() const { return threshold_; }
    // "lexical (local)", or the provider's embedder id ("openai:text-embedding-3-small").
    std::string embedderLabel() const;
    std::size_t size() const;

  private:
    struct Entry
    {
        std::string text;
        ChatResponse response;
        Nanos created = 0;
        double costUsd = 0;
        bool simulated = false;
    };
    struct Scope
    {
        explicit Scope(std::size_t dimension, const HnswParams& params) : index(dimension, params) {}
        HnswIndex index;
        std::map<std::uint64_t, Entry> entries; // by id, so oldest first
    };

    bool expired(const Entry& entry, Nanos now) const;
    // Removes expired entries, and the oldest while more than `keep` remain; returns how many went.
    std::size_t trim(Scope& scope, Nanos now, std::size_t keep);

    std::shared_ptr<Embedder> embedder_;
    SemanticCacheConfig config_;
    Clock& clock_;
    float threshold_;
    mutable std::shared_mutex mutex_;
    std::unordered_map<std::string, std::unique_ptr<Scope>> scopes_; // by SemanticQuery::scope
    std::uint64_t nextId_ = 1;
};

} // namespace ts::cache
