#pragma once

namespace ts::sql {
class Connection;
}

namespace ts::workspace {

// Schema version 3: the exact response cache's entries (schema_cache.cpp).
void createCacheTablesV3(sql::Connection& db);

} // namespace ts::workspace
