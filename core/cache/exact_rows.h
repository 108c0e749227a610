#pragma once
#include "model/time.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ts::sql {
class Connection;
}

// The SQL of the exact cache's table (cache_exact, schema 3). Failures throw sql::Error.
namespace ts::cache::rows {

struct Entry
{
    std::string key;
    std::string provider;
    std::string model;
    std::string user;
    Nanos created = 0;
    double costUsd = 0;
    std::string requestJson;
    std::string answerJson;
};

std::optional<Entry> find(sql::Connection& db, const std::string& key);
// Inserts the entry, or replaces the one with its key.
void put(sql::Connection& db, const Entry& entry);
// Removes the entry with this key if it is still the one created at `created` (not a newer store).
int removeIfCreated(sql::Connection& db, const std::string& key, Nanos created);

int removeKey(sql::Connection& db, const std::string& key);
// Entries whose given fields all match; a field left empty matches every entry.
int removeScope(sql::Connection& db, const std::optional<std::string>& provider,
                const std::optional<std::string>& model, const std::optional<std::string>& user);
int removeCreatedBefore(sql::Connection& db, Nanos cutoff);
std::int64_t count(sql::Connection& db);

} // namespace ts::cache::rows
