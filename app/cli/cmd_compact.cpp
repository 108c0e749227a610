#include "care_text.h"
#include "trace/workspace_paths.h"
#include "verbs.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace ts::cli {

int runCompact(const Args& args)
{
    if (!args.positional.empty())
        throw Exit{2, "unexpected argument '" + args.positional.front() + "'"};
    auto store = openWorkspace(args, TraceStore::OpenMode::ExistingOnly, defaultWorkspacePath());
    CompactResult result;
    try {
        result = store->compact();
    } catch (const WorkspaceError& e) {
        throw Exit{1, e.what()};
    }
    if (args.has("--json")) {
        std::cout << nlohmann::json{{"bytes_before", result.bytesBefore}, {"bytes_after", result.bytesAfter}}
                         .dump(2)
                  << '\n';
        return 0;
    }
    const std::uintmax_t freed =
        result.bytesBefore > result.bytesAfter ? result.bytesBefore - result.bytesAfter : 0;
    std::printf("compacted %s: %s -> %s (%s given back)\n", store->path().c_str(),
                humanBytes(result.bytesBefore).c_str(), humanBytes(result.bytesAfter).c_str(),
                humanBytes(freed).c_str());
    return 0;
}

} // namespace ts::cli
