#include "replay/recorded_calls.h"
#include "replay/repricer.h"
#include "reprice_format.h"
#include "trace/workspace_paths.h"
#include "verbs.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace ts::cli {

namespace {

replay::RepriceConfig readConfig(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Exit{1, "cannot read the replay config " + path};
    std::ostringstream text;
    text << in.rdbuf();
    try {
        return replay::parseRepriceConfig(text.str());
    } catch (const std::invalid_argument& e) {
        throw Exit{1, path + ": " + e.what()};
    }
}

} // namespace

int runReplay(const Args& args)
{
    if (!args.positional.empty())
        throw Exit{2, "replay takes no FILE; the config is --config FILE"};
    const auto configPath = args.value("--config");
    if (!configPath)
        throw Exit{2, "replay needs --config FILE (see tokenscope-cli replay --help)"};
    const replay::RepriceConfig config = readConfig(*configPath);
    const FilterParse filter = parseFilter(args.valueOr("--filter", ""));
    if (!filter.ok())
        throw Exit{2, "--filter: " + filter.error};
    auto store = openWorkspace(args, TraceStore::OpenMode::CreateIfMissing, defaultWorkspacePath());
    auto reader = store->reader();
    const auto catalog = Catalog::current();
    const std::optional<replay::CallSet> calls = replay::readCalls(*reader, filter.filter);
    if (!calls)
        throw Exit{1, "replay: stopped"};
    std::optional<replay::RepriceReport> report;
    try {
        report = replay::reprice(*calls, config.alternatives, *catalog);
    } catch (const std::invalid_argument& e) {
        throw Exit{1, *configPath + ": " + e.what()};
    }
    if (calls->unreadable > 0)
        std::cerr << "replay: " << calls->unreadable << " span(s) with unreadable attributes were skipped\n";
    if (args.has("--json"))
        writeRepriceJson(*report, std::cout);
    else
        writeRepriceText(*report, std::cout);
    return 0;
}

} // namespace ts::cli
