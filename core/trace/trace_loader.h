#pragma once
#include "model/trace.h"
#include "trace/sqlite_statement.h"

#include <optional>
#include <string>

namespace ts::sql {
class Connection;
}

namespace ts {

// Reads whole traces back: summary, spans with typed attributes and events, messages, exchanges.
class TraceLoader
{
  public:
    explicit TraceLoader(sql::Connection& db);

    std::optional<Trace> load(const std::string& traceId);

  private:
    std::vector<Span> spans(std::int64_t rowId, const std::string& traceId);
    void messages(std::int64_t rowId, Trace& trace);
    std::vector<Exchange> exchanges(std::int64_t rowId);

    sql::Statement summary_;
    sql::Statement spans_;
    sql::Statement messages_;
    sql::Statement exchanges_;
};

} // namespace ts
