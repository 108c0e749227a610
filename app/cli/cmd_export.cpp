#include "policy_file.h"
#include "trace/export/export_redaction.h"
#include "trace/export/otlp_export.h"
#include "trace/export/table_export.h"
#include "trace/workspace_paths.h"
#include "verbs.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace ts::cli {

namespace {

using namespace exporting;

enum class Format { Otlp, Jsonl, Csv };

Format formatFrom(const Args& args)
{
    const auto name = args.value("--format");
    if (!name)
        throw Exit{2, "export needs --format otlp|jsonl|csv"};
    if (*name == "otlp")
        return Format::Otlp;
    if (*name == "jsonl")
        return Format::Jsonl;
    if (*name == "csv")
        return Format::Csv;
    throw Exit{2, "--format wants otlp, jsonl or csv, not '" + *name + "'"};
}

// Null for --policy none; the default policy without --policy.
std::unique_ptr<ExportRedaction> redactionFrom(const Args& args)
{
    const std::string name = args.valueOr("--policy", "");
    if (name == "none")
        return nullptr;
    return std::make_unique<ExportRedaction>(name.empty() ? guard::defaultPolicy() : readPolicyFile(name));
}

std::string policyNote(const Args& args)
{
    const std::string name = args.valueOr("--policy", "");
    if (name == "none")
        return "as stored, nothing redacted";
    return name.empty() ? "redacted under the default policy" : "redacted under the policy " + name;
}

// A running count on standard error, when a person is watching it.
std::function<void(std::int64_t, std::int64_t)> progressLine()
{
    if (!isatty(STDERR_FILENO))
        return {};
    return [](std::int64_t done, std::int64_t total) {
        std::fprintf(stderr, "\rexporting %lld / %lld traces", static_cast<long long>(done),
                     static_cast<long long>(total));
        if (done == total)
            std::fprintf(stderr, "\n");
    };
}

ExportResult run(Format format, bool spans, TraceReader& reader, const ExportRequest& request,
                 std::ostream& out)
{
    if (format == Format::Otlp)
        return exportOtlp(reader, request, out);
    return exportTable(reader, request, format == Format::Csv ? TableFormat::Csv : TableFormat::Jsonl,
                       spans ? TableRows::Spans : TableRows::Traces, out);
}

} // namespace

int runExport(const Args& args)
{
    const Format format = formatFrom(args);
    const bool spans = args.has("--spans");
    if (spans && format == Format::Otlp)
        throw Exit{2, "--spans is for the jsonl and csv tables; OTLP always carries every span"};
    if (args.positional.size() != 1)
        throw Exit{2, "export writes to one OUT file (or - for standard output)"};
    const std::string outPath = args.positional[0];
    FilterParse filter = parseFilter(args.valueOr("--filter", ""));
    if (!filter.ok())
        throw Exit{2, "--filter: " + filter.error};
    const std::unique_ptr<ExportRedaction> redaction = redactionFrom(args);
    auto store = openWorkspace(args, TraceStore::OpenMode::ExistingOnly, defaultWorkspacePath());
    auto reader = store->reader();

    std::ofstream file;
    if (outPath != "-") {
        file.open(outPath, std::ios::binary | std::ios::trunc);
        if (!file)
            throw Exit{1, "cannot write " + outPath};
    }
    std::ostream& out = outPath == "-" ? std::cout : file;
    const ExportRequest request{filter.filter, redaction.get(), progressLine(), nullptr};
    const ExportResult result = run(format, spans, *reader, request, out);
    out.flush();
    if (!result.error.empty() || !out)
        throw Exit{1, "cannot write " + (outPath == "-" ? std::string("standard output") : outPath) +
                          (result.error.empty() ? std::string() : ": " + result.error)};
    std::fprintf(stderr, "exported %lld traces (%lld %s) to %s, %s\n", static_cast<long long>(result.traces),
                 static_cast<long long>(result.rows), format == Format::Otlp ? "lines" : "rows",
                 outPath == "-" ? "standard output" : outPath.c_str(), policyNote(args).c_str());
    return 0;
}

} // namespace ts::cli
