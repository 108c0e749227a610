#pragma once

namespace ts::sql {
class Connection;
}

namespace ts::workspace {

// Schema version 4: per-trace facts (route, flags, time per phase) and the hourly rollups the live
// panels read (schema_rollups.cpp); existing traces are rolled up as the step runs.
void createRollupTablesV4(sql::Connection& db);

} // namespace ts::workspace
