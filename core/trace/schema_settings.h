#pragma once

namespace ts::sql {
class Connection;
}

namespace ts::workspace {

// Schema version 5: the workspace's own settings (retention), kept in the file so every process
// that opens it follows them (schema_settings.cpp).
void createSettingsTableV5(sql::Connection& db);

} // namespace ts::workspace
