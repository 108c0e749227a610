#pragma once
#include <cstdint>
#include <vector>

namespace ts::sql {
class Connection;
}

namespace ts::workspace {

// PRAGMA application_id of every workspace: "TkSc".
constexpr std::int32_t kApplicationId = 0x546B5363;

// One schema step: brings a workspace from version - 1 to version.
struct Migration
{
    int version = 0;
    void (*apply)(sql::Connection& db) = nullptr;
};
using Migrations = std::vector<Migration>;

// The steps of this build, in order; the last one's version is TraceStore::kSchemaVersion.
// Adding a schema version is one function and one entry here.
const Migrations& migrations();

inline int targetVersion(const Migrations& steps)
{
    return steps.empty() ? 0 : steps.back().version;
}

// Applies the steps after `from` and stamps application_id and user_version. Call it inside
// the transaction that read `from`, so a failed step leaves the file as it was.
void migrate(sql::Connection& db, int from, const Migrations& steps);

} // namespace ts::workspace
