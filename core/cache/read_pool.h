#pragma once
#include "trace/sqlite_connection.h"

#include <mutex>
#include <string>
#include <vector>

namespace ts::cache {

// Read connections on one workspace for any number of threads: each lookup leases one (opened on
// first need, kept for the next), so lookups never wait for each other or, under WAL, for writers.
class ReadPool
{
  public:
    ReadPool(std::string path, int busyTimeoutMs) : path_(std::move(path)), busyTimeoutMs_(busyTimeoutMs) {}

    class Lease
    {
      public:
        Lease(ReadPool& pool, sql::Connection db) : pool_(pool), db_(std::move(db)) {}
        ~Lease() { pool_.giveBack(std::move(db_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        sql::Connection& operator*() { return db_; }

      private:
        ReadPool& pool_;
        sql::Connection db_;
    };

    // Throws WorkspaceError when a new connection cannot be opened.
    Lease lease();

  private:
    void giveBack(sql::Connection db);

    std::string path_;
    int busyTimeoutMs_;
    std::mutex mutex_;
    std::vector<sql::Connection> idle_;
};

} // namespace ts::cache
