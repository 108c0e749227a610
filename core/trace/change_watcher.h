#pragma once
#include "trace/sqlite_connection.h"
#include "trace/sqlite_statement.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace ts {

// Notices commits by other connections (other processes included) through PRAGMA data_version
// on its own connection, polled on its own thread.
class ChangeWatcher
{
  public:
    ChangeWatcher(sql::Connection db, std::chrono::milliseconds interval, std::function<void()> changed);
    ~ChangeWatcher();
    ChangeWatcher(const ChangeWatcher&) = delete;
    ChangeWatcher& operator=(const ChangeWatcher&) = delete;

    // Takes the current version as seen, so a commit this process already announced is not
    // announced again.
    void markSeen();

  private:
    void run();
    bool versionChanged();

    sql::Connection db_;
    sql::Statement version_;
    std::chrono::milliseconds interval_;
    std::function<void()> changed_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::int64_t seen_ = 0;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace ts
