#pragma once
#include "model/time.h"
#include "trace/filter.h"

#include <optional>
#include <string>

namespace ts::sql {
class Connection;
}

namespace ts::retention {

inline constexpr int kMaxDays = 36500; // a hundred years
inline constexpr Nanos kNsPerDay = 86'400 * kNsPerSec;

// The workspace's "keep traces for N days" setting (the settings table); nullopt: kept until deleted.
// Throws WorkspaceError (Corrupt), naming path, when the stored value is not a number of days.
std::optional<int> read(sql::Connection& db, const std::string& path);
// Throws std::invalid_argument, in one line, for days outside 1..kMaxDays.
void write(sql::Connection& db, std::optional<int> days);
// The traces retention removes at `now`: those that started more than `days` days before it.
TraceFilter olderThan(int days, Nanos now);

} // namespace ts::retention
