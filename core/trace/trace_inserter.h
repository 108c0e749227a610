#pragma once
#include "model/trace.h"
#include "trace/rollup_writer.h"
#include "trace/sqlite_statement.h"

namespace ts::sql {
class Connection;
}

namespace ts {

// Writes whole traces (summary row, spans, messages, exchanges) with statements prepared once, and
// keeps the hourly rollups in step. Call insert() inside a transaction, then finish() before its
// commit (or abandon() when it failed).
class TraceInserter
{
  public:
    explicit TraceInserter(sql::Connection& db);

    // Replaces a stored trace with the same id, children included, so nothing is added twice.
    void insert(const Trace& trace);
    // Writes the rollup rows the inserted traces touched.
    void finish() { rollups_.write(); }
    void abandon() { rollups_.discard(); }

  private:
    std::int64_t insertSummary(const TraceSummary& summary);
    void insertSpans(std::int64_t rowId, const std::vector<Span>& spans);
    void insertMessages(std::int64_t rowId, const Trace& trace);
    void insertMessage(std::int64_t rowId, int seq, std::string_view direction, const Message& message);
    void insertExchanges(std::int64_t rowId, const std::vector<Exchange>& exchanges);

    sql::Connection& db_;
    sql::Statement trace_;
    sql::Statement remove_;
    sql::Statement previous_;
    sql::Statement span_;
    sql::Statement message_;
    sql::Statement messageText_;
    sql::Statement exchange_;
    RollupWriter rollups_;
};

} // namespace ts
