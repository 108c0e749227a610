#pragma once
#include "args.h"

#include "trace/store.h"

#include <memory>
#include <string>
#include <vector>

namespace ts::cli {

struct Verb
{
    const char* name;
    const char* summary;
    const char* usage; // full --help text
    VerbSpec spec;
    int (*run)(const Args& args);
};

const std::vector<Verb>& verbs();

// Opens --db (or the default workspace); a workspace problem becomes a one-line user error.
std::unique_ptr<TraceStore> openWorkspace(const Args& args, TraceStore::OpenMode mode,
                                          const std::string& fallbackPath);

int runChat(const Args& args);
int runTraces(const Args& args);
int runDemo(const Args& args);
int runTokens(const Args& args);
int runCost(const Args& args);
int runModels(const Args& args);
int runServe(const Args& args);
int runScan(const Args& args);
int runExport(const Args& args);
int runReport(const Args& args);
int runReplay(const Args& args);
int runImport(const Args& args);
int runDelete(const Args& args);
int runRetention(const Args& args);
int runCompact(const Args& args);

} // namespace ts::cli
