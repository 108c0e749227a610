#include "trace/schema_settings.h"

#include "trace/sqlite_connection.h"

namespace ts::workspace {

namespace {

// One row per setting; values are text in the form the setting's reader expects (workspace_settings.h).
constexpr const char* kSettings = R"sql(
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
)sql";

} // namespace

void createSettingsTableV5(sql::Connection& db)
{
    db.exec(kSettings);
}

} // namespace ts::workspace
