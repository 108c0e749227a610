#pragma once
#include "trace/migrations.h"
#include "trace/sqlite_connection.h"
#include "trace/store.h"
#include "trace/workspace_error.h"

#include <string>

namespace ts::workspace {

// Opens the workspace at path for writing: refuses a missing file (ExistingOnly), a file that is
// not a workspace, a corrupt, locked or newer one; creates or upgrades it to the last of steps.
// The returned connection is in WAL mode with foreign keys on.
sql::Connection openWorkspace(const std::string& path, TraceStore::OpenMode mode, int busyTimeoutMs,
                              const Migrations& steps = migrations());

// A read connection on an already opened workspace.
sql::Connection openReadConnection(const std::string& path, int busyTimeoutMs);
// Another write connection on an already opened workspace, with foreign keys on so that deleting
// a trace takes its spans, messages and exchanges with it.
sql::Connection openWriteConnection(const std::string& path, int busyTimeoutMs);

// The user-facing error for an SQLite failure on the workspace at path.
WorkspaceError workspaceError(const std::string& path, const sql::Error& error, int busyTimeoutMs);

} // namespace ts::workspace
