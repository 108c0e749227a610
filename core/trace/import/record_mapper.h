#pragma once
#include "model/trace.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ts::import {

// Turns the records of one exported log into pieces of Tokenscope traces. The importer reads the
// file (JSON lines, the elements of a top-level array, or one top-level object), hands each
// record's JSON text to map(), merges the pieces by trace id and span id, finishes each trace
// (root, summary, price) and writes it. A mapper keeps only what a later record must be joined
// with (an OpenAI Batch request waiting for its response), so memory stays bounded.
class RecordMapper
{
  public:
    virtual ~RecordMapper() = default;

    // One record. Appends the trace pieces it yields: a Trace with traceId, some spans (ids as
    // lower-case hex, 32 and 16 characters; see stable_ids.h) and, where the record carries
    // the conversation, input and output messages. Several records may add to one trace and
    // to one span; a later piece fills what an earlier one left empty. Returns "" or why the
    // record (or a part of it) cannot be read ("no spanId", "not JSON: ..."): that is reported
    // with its file and line as a skipped record, and the import goes on. The pieces appended
    // are kept either way, so a mapper that refuses a whole record appends nothing, and one that
    // skips a bad part (a nested child run without an id) appends the rest.
    virtual std::string map(std::string_view record, std::vector<Trace>& out) = 0;

    // End of the input: pieces held back for a join that never came, and a word about each
    // ("3 batch requests without a response") for the report.
    virtual void finish(std::vector<Trace>& out, std::vector<std::string>& notes)
    {
        (void)out;
        (void)notes;
    }
};

// One format the importer knows.
struct ImportFormat
{
    std::string_view name;        // as --format takes it: otlp, langfuse, langsmith, openai-batch, litellm, tokenscope
    std::string_view description; // one line for the refusal that lists what Tokenscope knows
    // Whether this record (the first of a file) has this format's shape; cheap and strict
    // enough that no two formats claim the same record.
    bool (*detect)(std::string_view firstRecord);
    std::unique_ptr<RecordMapper> (*make)();
};

} // namespace ts::import
