#include "trace/migrations.h"

#include "trace/schema.h"
#include "trace/schema_cache.h"
#include "trace/schema_message_extras.h"
#include "trace/schema_rollups.h"
#include "trace/schema_settings.h"
#include "trace/sqlite_connection.h"

#include <string>

namespace ts::workspace {

const Migrations& migrations()
{
    static const Migrations steps{
        {1, createSchemaV1},
        {2, createPromptTablesV2},
        {3, createCacheTablesV3},
        {4, createRollupTablesV4},
        {5, createSettingsTableV5},
        {6, addMessageExtrasV6},
    };
    return steps;
}

void migrate(sql::Connection& db, int from, const Migrations& steps)
{
    for (const Migration& step : steps)
        if (step.version > from)
            step.apply(db);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = " + std::to_string(targetVersion(steps)));
}

} // namespace ts::workspace
