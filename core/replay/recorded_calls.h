#pragma once
#include "model/cancel.h"
#include "model/time.h"
#include "model/usage.h"
#include "trace/store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ts::replay {

// A model and the provider that served it, as a recorded call names them.
struct CallModel
{
    std::string model;
    std::string provider;
    bool operator==(const CallModel&) const = default;
};

// One recorded model call, reduced to what pricing it needs: the model, the usage as recorded,
// whether it went through a batch API, and where it sits (its trace, its start).
struct RecordedCall
{
    std::int64_t traceRowId = 0;
    Nanos start = 0;
    std::uint32_t model = 0; // index into CallSet::models
    Usage usage;
    bool batch = false;
    std::optional<double> recordedUsd; // tokenscope.cost.usd: what it was priced at when recorded
};

// The model calls of a selection of traces, trace by trace (row id order) and, within a trace, in
// start order. Many calls share few models, so models are held once.
struct CallSet
{
    std::vector<CallModel> models;
    std::vector<RecordedCall> calls;
    std::int64_t traces = 0; // traces with at least one call
    std::int64_t unreadable = 0; // spans whose attributes were not valid JSON (skipped)
};

// Reads the model calls (spans that recorded usage) of the traces the filter selects. Reads the
// stored attributes directly, without building traces, so a million calls read in about a second.
// nullopt when cancelled. Throws WorkspaceError like the reader.
std::optional<CallSet> readCalls(TraceReader& reader, const TraceFilter& filter, const CancelToken* cancel = nullptr);

// The usage, model and batch flag of one span's stored attributes (a JSON object); false when the
// span recorded no usage or the text is not an object. Exposed for tests.
struct CallFields
{
    std::string model;
    std::string responseModel;
    std::string provider;
    Usage usage;
    bool hasUsage = false;
    bool batch = false;
    std::optional<double> costUsd;
};
bool readCallFields(std::string_view attributesJson, CallFields& out, bool& malformed);

} // namespace ts::replay
