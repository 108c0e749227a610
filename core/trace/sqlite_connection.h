#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;

namespace ts {
class CancelToken;
}

namespace ts::sql {

// An SQLite failure: the primary result code (SQLITE_BUSY, SQLITE_CORRUPT, ...) and SQLite's message.
class Error : public std::runtime_error
{
  public:
    Error(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
    int code() const { return code_; }

  private:
    int code_;
};

// One SQLite connection, closed on destruction. Use it from one thread at a time.
class Connection
{
  public:
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly };

    Connection(const std::string& path, Mode mode);
    ~Connection();
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* handle() const { return db_; }
    // Runs one or more statements that return no rows.
    void exec(std::string_view sql);
    // The first column of the first row of a query that returns one integer (a PRAGMA, a count).
    std::int64_t queryInt(std::string_view sql);
    std::string queryText(std::string_view sql);
    void setBusyTimeout(int ms);
    // While set, a running statement stops with SQLITE_INTERRUPT once the token is cancelled.
    void watchCancel(const CancelToken* token);
    // Copies committed write-ahead-log pages into the database without waiting for anyone.
    void checkpointPassive();
    // Called after each commit of this connection with the number of pages in the log; replaces
    // SQLite's own automatic checkpoints.
    void onCommit(std::function<void(int walPages)> callback);
    std::int64_t lastInsertRowId() const;
    int changes() const;
    // Throws Error for result code rc with this connection's message.
    [[noreturn]] void fail(int rc) const;

  private:
    sqlite3* db_ = nullptr;
    std::unique_ptr<std::function<void(int)>> onCommit_; // on the heap: SQLite keeps its address
};

} // namespace ts::sql
