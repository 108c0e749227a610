#include "trace/workspace_settings.h"

#include "trace/sqlite_connection.h"
#include "trace/sqlite_statement.h"

namespace ts::workspace {

std::optional<std::string> readSetting(sql::Connection& db, std::string_view key)
{
    sql::Statement select(db, "SELECT value FROM settings WHERE key = ?1");
    select.bindText(1, key);
    if (!select.step())
        return std::nullopt;
    return select.columnText(0);
}

void writeSetting(sql::Connection& db, std::string_view key, const std::optional<std::string>& value)
{
    if (!value) {
        sql::Statement remove(db, "DELETE FROM settings WHERE key = ?1");
        remove.bindText(1, key).run();
        return;
    }
    sql::Statement upsert(db, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    upsert.bindText(1, key).bindText(2, *value).run();
}

} // namespace ts::workspace
