#pragma once
#include "model/cancel.h"
#include "trace/import/record_file.h"
#include "trace/import/record_mapper.h"
#include "trace/import/trace_assembler.h"
#include "trace/store.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ts::import {

struct ImportProgress
{
    std::uint64_t bytesDone = 0;
    std::uint64_t bytesTotal = 0; // of all the files
    std::int64_t records = 0;
    std::int64_t traces = 0; // written or found unchanged
};

struct ImportOptions
{
    std::string format; // a format's name: no detection
    const CancelToken* cancel = nullptr;
    std::function<void(const ImportProgress&)> progress; // after each block read
    ReadLimits read;
    TraceAssembler::Limits buffer;
};

struct FileReport
{
    static constexpr std::size_t kMaxProblems = 20;

    std::string file;
    std::string format;
    std::string error;                 // why the file was not imported at all
    std::int64_t records = 0;          // the file's top-level records
    std::int64_t traces = 0;           // written: new, or changed since the stored copy
    std::int64_t unchanged = 0;        // identical to the stored copy, so not rewritten
    std::int64_t spans = 0;            // in the traces written
    std::int64_t skipped = 0;          // records (or OTLP span batches) that could not be read
    std::vector<std::string> problems; // the first kMaxProblems, "file:line: reason"
    std::string stoppedAt;             // where reading ended before the end of the file, and why
    std::vector<std::string> notes;    // from the format's finish(): joins that never came
    double seconds = 0;
};

struct ImportReport
{
    std::vector<FileReport> files;
    bool cancelled = false; // stopped at a trace boundary: every trace written is whole
    std::string error;      // the workspace could not be written
};

// Each file's format: `formatName` when given, else the first format that claims one of the
// file's first records. `error` says why a file cannot be imported (unreadable, unknown format).
struct FilePlan
{
    std::string file;
    const ImportFormat* format = nullptr; // nullptr and no error: the file holds no records
    std::string error;
};
std::vector<FilePlan> planImport(const std::vector<std::string>& files, std::string_view formatName,
                                 const ReadLimits& limits = {});

// Imports the files into the store. Files of one format share one mapper, whose finish() runs
// after the last of them (an OpenAI Batch output joins its input file given in the same call).
// Traces are merged across records and files, finished (trace_finish.h) and written as they
// complete (trace_assembler.h); the store commits them in its own batches, so other processes
// keep writing meanwhile. Cancelling stops between blocks and drops the traces still open, so
// every trace written is whole, and running the import again completes the rest.
ImportReport importFiles(TraceStore& store, const std::vector<std::string>& files,
                         const ImportOptions& options);

} // namespace ts::import
