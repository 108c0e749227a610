#pragma once
#include "trace/store.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ts::sql {
class Connection;
}

namespace ts {

// A trace chosen for deletion: its row, and a hash of its trace id, so that a row id another trace
// took meanwhile (SQLite reuses the highest ones) is not deleted in its place.
struct DoomedTrace
{
    std::int64_t rowId = 0;
    std::size_t idHash = 0;
    double costUsd = 0;
};

struct DoomedTraces
{
    std::vector<DoomedTrace> traces; // in row order, each once
    std::vector<std::string> notFound;
};

// Which traces the selection takes now, read in one snapshot. Throws sql::Error, and
// std::invalid_argument for a filter the store cannot run.
DoomedTraces findDoomed(sql::Connection& db, const TraceSelection& which);

std::size_t traceIdHash(std::string_view traceId);

} // namespace ts
