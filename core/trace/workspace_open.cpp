#include "trace/workspace_open.h"

#include "trace/sqlite_transaction.h"

#include <filesystem>
#include <sqlite3.h>

namespace ts::workspace {

namespace {

namespace fs = std::filesystem;
using Reason = WorkspaceError::Reason;
using OpenMode = TraceStore::OpenMode;

std::string createHint(const std::string& path)
{
    return "create it with `tokenscope-cli demo --db " + path +
           "` or any verb that records traces (chat, import, serve)";
}

std::string otherFileHint()
{
    return "pass --db with a workspace file or a new path";
}

// Returns whether the file already existed.
bool prepareLocation(const std::string& path, OpenMode mode)
{
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (fs::is_directory(status))
        throw WorkspaceError(Reason::Io, path + ": is a folder, not a workspace file; " + otherFileHint());
    if (fs::exists(status))
        return true;
    if (mode == OpenMode::ExistingOnly)
        throw WorkspaceError(Reason::Missing, path + ": no such workspace; " + createHint(path));
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty() && !fs::create_directories(parent, ec) && ec)
        throw WorkspaceError(Reason::Io,
                             path + ": cannot create folder " + parent.string() + " (" + ec.message() + ")");
    return false;
}

struct Identity
{
    std::int64_t applicationId = 0;
    std::int64_t version = 0;
    std::int64_t objects = 0; // tables, indexes, triggers
};

Identity readIdentity(sql::Connection& db)
{
    return {db.queryInt("PRAGMA application_id"), db.queryInt("PRAGMA user_version"),
            db.queryInt("SELECT count(*) FROM sqlite_master")};
}

bool isBlank(const Identity& id)
{
    return id.applicationId == 0 && id.version == 0 && id.objects == 0;
}

void checkIdentity(const std::string& path, const Identity& id, bool mayInitialize, int target)
{
    if (id.applicationId == kApplicationId) {
        if (id.version > target)
            throw WorkspaceError(Reason::NewerSchema, path + ": was written by a newer Tokenscope (schema " +
                                                          std::to_string(id.version) + " > " +
                                                          std::to_string(target) + "); upgrade Tokenscope");
        return;
    }
    if (!isBlank(id))
        throw WorkspaceError(Reason::NotAWorkspace, path +
                                                        ": an SQLite database of another program, not a "
                                                        "Tokenscope workspace; " +
                                                        otherFileHint());
    if (!mayInitialize)
        throw WorkspaceError(Reason::NotAWorkspace,
                             path + ": an empty database, not a Tokenscope workspace; " + createHint(path));
}

void configure(sql::Connection& db, const std::string& path)
{
    if (db.queryText("PRAGMA journal_mode = WAL") != "wal")
        throw WorkspaceError(Reason::Io, path + ": cannot use write-ahead logging on this file system; "
                                                "keep the workspace on a local disk");
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA foreign_keys = ON");
}

// Checks again under the write lock: another process may have initialised the file meanwhile.
void upgrade(sql::Connection& db, const std::string& path, const Migrations& steps)
{
    sql::Transaction transaction(db);
    const Identity id = readIdentity(db);
    checkIdentity(path, id, true, targetVersion(steps));
    if (id.applicationId != kApplicationId || id.version < targetVersion(steps))
        migrate(db, static_cast<int>(id.version), steps);
    transaction.commit();
}

std::string seconds(int ms)
{
    return std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 / 100);
}

} // namespace

sql::Connection openWorkspace(const std::string& path, OpenMode mode, int busyTimeoutMs,
                              const Migrations& steps)
{
    const bool existed = prepareLocation(path, mode);
    try {
        sql::Connection db(path, existed ? sql::Connection::Mode::ReadWrite
                                         : sql::Connection::Mode::ReadWriteCreate);
        db.setBusyTimeout(busyTimeoutMs);
        // Identify the file before anything writes to it, so a foreign file stays untouched.
        checkIdentity(path, readIdentity(db), !existed || mode == OpenMode::CreateIfMissing,
                      targetVersion(steps));
        configure(db, path);
        upgrade(db, path, steps);
        return db;
    } catch (const sql::Error& error) {
        throw workspaceError(path, error, busyTimeoutMs);
    }
}

sql::Connection openReadConnection(const std::string& path, int busyTimeoutMs)
{
    try {
        sql::Connection db(path, sql::Connection::Mode::ReadWrite);
        db.setBusyTimeout(busyTimeoutMs);
        db.exec("PRAGMA query_only = ON");
        return db;
    } catch (const sql::Error& error) {
        throw workspaceError(path, error, busyTimeoutMs);
    }
}

sql::Connection openWriteConnection(const std::string& path, int busyTimeoutMs)
{
    try {
        sql::Connection db(path, sql::Connection::Mode::ReadWrite);
        db.setBusyTimeout(busyTimeoutMs);
        db.exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
        return db;
    } catch (const sql::Error& error) {
        throw workspaceError(path, error, busyTimeoutMs);
    }
}

WorkspaceError workspaceError(const std::string& path, const sql::Error& error, int busyTimeoutMs)
{
    switch (error.code()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {Reason::Locked, path + ": workspace is locked by another program (waited " +
                                    seconds(busyTimeoutMs) + " s); close that program or retry later"};
    case SQLITE_NOTADB:
        return {Reason::NotAWorkspace,
                path + ": not a Tokenscope workspace (not an SQLite database); " + otherFileHint()};
    case SQLITE_CORRUPT:
        return {Reason::Corrupt, path + ": workspace is corrupt (" + std::string(error.what()) +
                                     "); restore it from a backup or move it away"};
    default:
        return {Reason::Io, path + ": cannot use workspace (" + std::string(error.what()) +
                                "); check the file's permissions and the free disk space"};
    }
}

} // namespace ts::workspace
