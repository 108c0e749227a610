#include "trace/sqlite_connection.h"

#include "model/cancel.h"
#include "trace/sqlite_statement.h"

#include <mutex>
#include <sqlite3.h>
#include <utility>

namespace ts::sql {

namespace {

int openFlags(Connection::Mode mode)
{
    // Each connection belongs to one thread at a time, so SQLite's own mutexes are not needed.
    const int common = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Connection::Mode::ReadOnly:
        return common | SQLITE_OPEN_READONLY;
    case Connection::Mode::ReadWriteCreate:
        return common | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    case Connection::Mode::ReadWrite:
        break;
    }
    return common | SQLITE_OPEN_READWRITE;
}

// Must run before SQLite initialises itself; if someone else initialised it first, SQLite refuses
// and keeps its defaults, which is harmless.
void configureLibraryOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Memory statistics take a global mutex on every allocation, and nothing here reads them.
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
}

int walCommitted(void* callback, sqlite3*, const char*, int pages)
{
    (*static_cast<std::function<void(int)>*>(callback))(pages);
    return SQLITE_OK;
}

int cancelled(void* token)
{
    return static_cast<const CancelToken*>(token)->cancelled() ? 1 : 0;
}

} // namespace

Connection::Connection(const std::string& path, Mode mode)
{
    configureLibraryOnce();
    const int rc = sqlite3_open_v2(path.c_str(), &db_, openFlags(mode), nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw Error(rc & 0xFF, message);
    }
    sqlite3_extended_result_codes(db_, 1);
}

Connection::~Connection()
{
    sqlite3_close_v2(db_);
}

Connection::Connection(Connection&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), onCommit_(std::move(other.onCommit_))
{
}

Connection& Connection::operator=(Connection&& other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        onCommit_ = std::move(other.onCommit_);
    }
    return *this;
}

void Connection::exec(std::string_view sql)
{
    const std::string text(sql);
    if (const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr); rc != SQLITE_OK)
        fail(rc);
}

std::int64_t Connection::queryInt(std::string_view sql)
{
    Statement statement(*this, sql);
    return statement.step() ? statement.columnInt(0) : 0;
}

std::string Connection::queryText(std::string_view sql)
{
    Statement statement(*this, sql);
    return statement.step() ? statement.columnText(0) : std::string();
}

void Connection::setBusyTimeout(int ms)
{
    sqlite3_busy_timeout(db_, ms);
}

void Connection::watchCancel(const CancelToken* token)
{
    constexpr int kSteps = 10000; // virtual-machine steps between checks, well under a millisecond
    if (token)
        sqlite3_progress_handler(db_, kSteps, cancelled, const_cast<CancelToken*>(token));
    else
        sqlite3_progress_handler(db_, 0, nullptr, nullptr);
}

void Connection::checkpointPassive()
{
    const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (rc != SQLITE_OK)
        fail(rc);
}

void Connection::onCommit(std::function<void(int walPages)> callback)
{
    onCommit_ = std::make_unique<std::function<void(int)>>(std::move(callback));
    sqlite3_wal_hook(db_, walCommitted, onCommit_.get());
}

std::int64_t Connection::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(db_);
}

int Connection::changes() const
{
    return sqlite3_changes(db_);
}

void Connection::fail(int rc) const
{
    throw Error(rc & 0xFF, sqlite3_errmsg(db_));
}

} // namespace ts::sql
