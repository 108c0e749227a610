// Langfuse traces and observations into Tokenscope traces.
//
// Shapes, from Langfuse's published API definition and documentation:
//  - the public API's Trace, TraceWithDetails, TraceWithFullDetails, Observation and
//    ObservationsView objects, the Usage object and the ObservationLevel enum
//    (langfuse/langfuse fern/apis/server/definition/commons.yml; js.reference.langfuse.com
//    interfaces ApiObservation and ObservationsView for usageDetails, costDetails, environment);
//  - observation types SPAN, GENERATION, EVENT, AGENT, TOOL, CHAIN, RETRIEVER, EVALUATOR,
//    EMBEDDING, GUARDRAIL (langfuse.com/docs/observability/features/observation-types);
//  - usage types and how Langfuse adds them up (langfuse.com/docs/model-usage-and-cost; the Python
//    SDK moves cached and reasoning counts out of input and output into input_* / output_* types);
//  - the blob storage export's snake_case rows and its zone-less UTC timestamps
//    (langfuse.com/docs/api-and-data-platform/features/blob-storage-export-fields);
//  - the langfuse.* attribute names used here for what GenAI has no word for (Langfuse's
//    OpenTelemetry property mapping, langfuse.com/integrations/native/opentelemetry).
//
// Parents. A trace record becomes the root span, and an observation without
// parentObservationId hangs under it. Observations are often exported without their trace (the
// observations table, the blob export), and a parent that never arrives would leave the
// importer a span pointing at nothing. So a top-level observation names the root as its parent
// only once its trace record has been read (nested in it, or earlier in the file); until then it
// has no parent and the importer takes it as the root. If the trace record comes later, its piece
// gives those observations the root as parent (the merge fills the parent they left empty).
#include "trace/import/langfuse_mapper.h"

#include "trace/import/conversation_choice.h"
#include "trace/import/langfuse_observation.h"
#include "trace/import/langfuse_trace.h"
#include "trace/import/record_fields.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace ts::import {

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 10> kObservationTypes = {
    "GENERATION", "SPAN",      "EVENT",     "AGENT",     "TOOL",
    "CHAIN",      "RETRIEVER", "EVALUATOR", "EMBEDDING", "GUARDRAIL"};

// Keys only a Langfuse trace has beside its id and timestamp (camelCase API, snake_case export).
constexpr std::array<const char*, 13> kTraceKeys = {
    "observations", "htmlPath",  "sessionId",  "session_id", "userId",  "user_id", "latency",
    "totalCost",    "projectId", "project_id", "bookmarked", "release", "scores"};

bool isObservation(const json& j)
{
    return fieldOf(j, {"type", "startTime", "start_time"}) != nullptr;
}

bool looksLikeObservation(const json& j)
{
    const json* type = fieldOf(j, {"type"});
    return !textField(j, {"id"}).empty() && type && type->is_string() &&
           fieldOf(j, {"startTime", "start_time"}) &&
           std::find(kObservationTypes.begin(), kObservationTypes.end(), type->get<std::string>()) !=
               kObservationTypes.end();
}

bool looksLikeTrace(const json& j)
{
    if (textField(j, {"id"}).empty() || !fieldOf(j, {"timestamp"}) || j.contains("type"))
        return false;
    return std::any_of(kTraceKeys.begin(), kTraceKeys.end(),
                       [&](const char* key) { return j.contains(key); });
}

bool isPage(const json& j)
{
    return j.is_object() && j.contains("data") && j["data"].is_array() && j.contains("meta") &&
           j["meta"].is_object();
}

bool detect(std::string_view firstRecord)
{
    const json j = json::parse(firstRecord, nullptr, false);
    if (isPage(j))
        return !j["data"].empty() && (looksLikeTrace(j["data"][0]) || looksLikeObservation(j["data"][0]));
    return j.is_object() && (looksLikeTrace(j) || looksLikeObservation(j));
}

class LangfuseMapper final : public RecordMapper
{
  public:
    std::string map(std::string_view record, std::vector<Trace>& out) override
    {
        json j;
        if (std::string why = parseRecord(record, j); !why.empty())
            return why;
        if (!isPage(j))
            return mapRecord(j, out);
        // A page is one record to the importer: what reads is kept, and what does not is named.
        std::vector<std::string> reasons;
        for (std::size_t i = 0; i < j["data"].size(); ++i)
            if (std::string why = mapRecord(j["data"][i], out); !why.empty())
                reasons.push_back("data[" + std::to_string(i) + "]: " + why);
        return joinedReasons(reasons);
    }

    void finish(std::vector<Trace>& /*out*/, std::vector<std::string>& notes) override
    {
        if (waiting_.empty())
            return;
        const auto several = std::count_if(waiting_.begin(), waiting_.end(),
                                           [](const auto& entry) { return entry.second.size() > 1; });
        std::string note = std::to_string(waiting_.size()) +
                           " Langfuse trace(s) came without their trace record: each one's top-level "
                           "observation stands as its root";
        if (several)
            note += " (" + std::to_string(several) + " of them have several top-level observations)";
        notes.push_back(std::move(note));
    }

  private:
    std::string mapRecord(const json& j, std::vector<Trace>& out)
    {
        if (!j.is_object())
            return "not a Langfuse trace or observation (" + std::string(j.type_name()) + ")";
        if (isObservation(j))
            return mapObservation(j, out);
        if (j.contains("timestamp"))
            return mapTrace(j, out);
        return "neither a Langfuse trace (id, timestamp) nor an observation (id, type, startTime)";
    }

    std::string mapTrace(const json& t, std::vector<Trace>& out)
    {
        LangfuseTrace trace;
        if (std::string why = readLangfuseTrace(t, trace); !why.empty())
            return why;
        std::vector<Trace> pieces(1);
        pieces[0].traceId = trace.root.traceId;
        pieces[0].input = std::move(trace.input);
        pieces[0].output = std::move(trace.output);
        adoptWaiting(trace, pieces[0]);
        std::vector<std::string> reasons;
        for (LangfuseObservation& obs : readNested(t, trace.source, reasons)) {
            if (obs.traceSource == trace.source) // nested, yet one may name another trace
                trace.root.end = std::max(trace.root.end, obs.span.end);
            pieces.push_back(pieceOf(std::move(obs)));
        }
        pieces[0].spans.insert(pieces[0].spans.begin(), std::move(trace.root));
        keepOneConversation(pieces);
        std::move(pieces.begin(), pieces.end(), std::back_inserter(out));
        return joinedReasons(reasons);
    }

    // The observations a trace record holds (TraceWithFullDetails); the list endpoint names them by
    // id only, and those ids are skipped.
    std::vector<LangfuseObservation> readNested(const json& t, const std::string& traceSource,
                                                std::vector<std::string>& reasons)
    {
        std::vector<LangfuseObservation> nested;
        const json* list = fieldOf(t, {"observations"});
        if (!list || !list->is_array())
            return nested;
        for (std::size_t i = 0; i < list->size(); ++i) {
            if (!(*list)[i].is_object())
                continue;
            LangfuseObservation obs;
            if (std::string why = readLangfuseObservation((*list)[i], traceSource, obs); !why.empty())
                reasons.push_back("observations[" + std::to_string(i) + "]: " + why);
            else
                nested.push_back(std::move(obs));
        }
        return nested;
    }

    std::string mapObservation(const json& o, std::vector<Trace>& out)
    {
        LangfuseObservation obs;
        if (std::string why = readLangfuseObservation(o, {}, obs); !why.empty())
            return why;
        out.push_back(pieceOf(std::move(obs)));
        return {};
    }

    Trace pieceOf(LangfuseObservation obs)
    {
        link(obs);
        Trace piece;
        piece.traceId = obs.span.traceId;
        piece.input = std::move(obs.input);
        piece.output = std::move(obs.output);
        piece.spans.push_back(std::move(obs.span));
        return piece;
    }

    // A top-level observation goes under its trace's root once that trace record has been read.
    void link(LangfuseObservation& obs)
    {
        if (!obs.topLevel)
            return;
        if (tracesSeen_.count(obs.traceSource))
            obs.span.parentSpanId = langfuseRootSpanId(obs.traceSource);
        else
            waiting_[obs.traceSource].push_back(obs.span.spanId);
    }

    // The trace record has come: observations read before it go under its root.
    void adoptWaiting(const LangfuseTrace& trace, Trace& piece)
    {
        tracesSeen_.insert(trace.source);
        const auto it = waiting_.find(trace.source);
        if (it == waiting_.end())
            return;
        for (const std::string& spanId : it->second) {
            Span& adopted = piece.spans.emplace_back();
            adopted.traceId = trace.root.traceId;
            adopted.spanId = spanId;
            adopted.parentSpanId = trace.root.spanId;
        }
        waiting_.erase(it);
    }

    std::set<std::string, std::less<>> tracesSeen_;
    std::map<std::string, std::vector<std::string>, std::less<>> waiting_; // trace id -> top-level span ids
};

std::unique_ptr<RecordMapper> make()
{
    return std::make_unique<LangfuseMapper>();
}

} // namespace

const ImportFormat& langfuseFormat()
{
    static const ImportFormat format{
        "langfuse", "Langfuse traces and observations (API JSON, JSONL, blob export)", &detect, &make};
    return format;
}

} // namespace ts::import
