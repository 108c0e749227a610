#pragma once
#include "trace/store.h"

#include <string>

namespace ts::workspace {

// Gives the space of deleted traces back to the file system: merges the full-text index (deletions
// leave tombstones in it), rewrites the file without its free pages (VACUUM) and truncates the
// write-ahead log. Throws WorkspaceError naming the file; Locked when another writer kept the lock
// beyond busyTimeoutMs, in which case the file is as it was (the index merge aside, which changes
// no result).
CompactResult compact(const std::string& path, int busyTimeoutMs);

// The workspace file and its write-ahead log, in bytes.
std::uintmax_t workspaceBytes(const std::string& path);

} // namespace ts::workspace
