#include "verbs.h"

#include "trace/workspace_paths.h"

namespace ts::cli {

std::unique_ptr<TraceStore> openWorkspace(const Args& args, TraceStore::OpenMode mode,
                                          const std::string& fallbackPath)
{
    const std::string path = args.valueOr("--db", fallbackPath);
    try {
        return TraceStore::open(path, mode);
    } catch (const WorkspaceError& e) {
        throw Exit{1, e.what()};
    }
}

} // namespace ts::cli
