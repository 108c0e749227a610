#include "trace/compaction.h"

#include "trace/sqlite_connection.h"
#include "trace/sqlite_transaction.h"
#include "trace/workspace_open.h"

#include <filesystem>

namespace ts::workspace {

namespace {

std::uintmax_t fileBytes(const std::string& path)
{
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    return ec ? 0 : size;
}

void mergeSearchIndex(sql::Connection& db)
{
    sql::Transaction transaction(db);
    db.exec("INSERT INTO messages_fts (messages_fts) VALUES ('optimize')");
    transaction.commit();
}

// A reader still on an older snapshot keeps the log; then the space comes back at a later checkpoint.
void truncateLog(sql::Connection& db)
{
    db.queryInt("PRAGMA wal_checkpoint(TRUNCATE)");
}

WorkspaceError compactionError(const std::string& path, const sql::Error& error, int busyTimeoutMs)
{
    const WorkspaceError base = workspaceError(path, error, busyTimeoutMs);
    std::string message = base.what(); // "PATH: reason"
    message.insert(path.size() + 2, "cannot compact: ");
    return {base.reason(), message};
}

} // namespace

std::uintmax_t workspaceBytes(const std::string& path)
{
    return fileBytes(path) + fileBytes(path + "-wal");
}

CompactResult compact(const std::string& path, int busyTimeoutMs)
{
    CompactResult result;
    result.bytesBefore = workspaceBytes(path);
    sql::Connection db = openWriteConnection(path, busyTimeoutMs);
    try {
        mergeSearchIndex(db);
        db.exec("VACUUM");
        truncateLog(db);
    } catch (const sql::Error& error) {
        throw compactionError(path, error, busyTimeoutMs);
    }
    result.bytesAfter = workspaceBytes(path);
    return result;
}

} // namespace ts::workspace
