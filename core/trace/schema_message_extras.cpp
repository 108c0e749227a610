#include "trace/schema_message_extras.h"

#include "trace/sqlite_connection.h"

namespace ts::workspace {

void addMessageExtrasV6(sql::Connection& db)
{
    // NULL for the rows already there: they had none to keep.
    db.exec("ALTER TABLE messages ADD COLUMN extras TEXT");
}

} // namespace ts::workspace
