#pragma once
#include "trace/sqlite_connection.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace ts {

// Copies the write-ahead log back into the database on its own thread and connection, so the
// writer thread spends its time on inserts instead of checkpoints.
class WalCheckpointer
{
  public:
    explicit WalCheckpointer(sql::Connection db);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Returns at once; a checkpoint runs soon after. Never throws.
    void request() noexcept;

  private:
    void run();

    sql::Connection db_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool wanted_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace ts
