// LangSmith runs into Tokenscope traces.
//
// Shapes, from LangSmith's published schema and documentation:
//  - the Run fields (id, name, run_type, start_time, end_time, extra, error, inputs, outputs,
//    events, tags, trace_id, dotted_order and its format, status, parent_run_id, session_id,
//    child_runs, prompt_tokens, completion_tokens, prompt_token_details,
//    completion_token_details, first_token_time, prompt_cost, completion_cost, total_cost):
//    langchain-ai/langsmith-sdk python/langsmith/schemas.py (Run, RunBase) and
//    docs.smith.langchain.com/reference/data_formats/run_data_format;
//  - run types llm, chain, tool, retriever, embedding, prompt, parser (same schema, RunTypeEnum);
//  - threads: a run's metadata session_id, thread_id or conversation_id names its conversation
//    (docs.langchain.com/langsmith/threads); session_id on the run itself is its project;
//  - LangChain's serialised messages and LLMResult generations in llm runs' inputs and outputs
//    (read by message_codec), with extra.invocation_params and the ls_provider / ls_model_name
//    metadata LangChain's chat models add.
//
// Parents are the runs' own: parent_run_id, else the dotted_order's previous run. A run exported
// without its parent keeps naming it, and the importer takes such a run as the root.
#include "trace/import/langsmith_mapper.h"

#include "trace/import/conversation_choice.h"
#include "trace/import/langsmith_run.h"
#include "trace/import/record_fields.h"

#include <iterator>
#include <nlohmann/json.hpp>

namespace ts::import {

namespace {

using nlohmann::json;

// How deep nested child_runs are followed; a hostile file cannot recurse past it.
constexpr int kMaxDepth = 64;

bool looksLikeRun(const json& j)
{
    const json* runType = fieldOf(j, {"run_type"});
    return j.is_object() && !textField(j, {"id"}).empty() && runType && runType->is_string() &&
           fieldOf(j, {"name"}) && fieldOf(j, {"start_time"});
}

const json* pageRuns(const json& j)
{
    const json* runs = j.is_object() && !j.contains("run_type") ? fieldOf(j, {"runs"}) : nullptr;
    return runs && runs->is_array() ? runs : nullptr;
}

bool detect(std::string_view firstRecord)
{
    const json j = json::parse(firstRecord, nullptr, false);
    if (const json* runs = pageRuns(j))
        return !runs->empty() && looksLikeRun((*runs)[0]);
    return looksLikeRun(j);
}

class LangSmithMapper final : public RecordMapper
{
  public:
    std::string map(std::string_view record, std::vector<Trace>& out) override
    {
        json j;
        if (std::string why = parseRecord(record, j); !why.empty())
            return why;
        if (!j.is_object())
            return "not a LangSmith run (" + std::string(j.type_name()) + ")";
        std::vector<Trace> pieces;
        std::vector<std::string> reasons;
        if (const json* runs = pageRuns(j)) {
            for (std::size_t i = 0; i < runs->size(); ++i)
                mapRun((*runs)[i], {}, "runs[" + std::to_string(i) + "]", 0, pieces, reasons);
        } else
            mapRun(j, {}, {}, 0, pieces, reasons);
        keepOneConversation(pieces);
        std::move(pieces.begin(), pieces.end(), std::back_inserter(out));
        return joinedReasons(reasons);
    }

  private:
    // One run and the children nested in it; what does not read is named with where it sits.
    void mapRun(const json& j, const RunPlace& place, const std::string& where, int depth,
                std::vector<Trace>& out, std::vector<std::string>& reasons)
    {
        LangSmithRun run;
        if (std::string why = readLangSmithRun(j, place, run); !why.empty()) {
            reasons.push_back(where.empty() ? why : where + ": " + why);
            return;
        }
        Trace piece;
        piece.traceId = run.span.traceId;
        piece.input = std::move(run.input);
        piece.output = std::move(run.output);
        piece.spans.push_back(std::move(run.span));
        out.push_back(std::move(piece));
        const json* children = fieldOf(j, {"child_runs"});
        if (!children || !children->is_array())
            return;
        if (depth >= kMaxDepth) {
            reasons.push_back("run " + run.id + ": child_runs nested deeper than " +
                              std::to_string(kMaxDepth));
            return;
        }
        const RunPlace inner{run.traceSource, run.id};
        for (std::size_t i = 0; i < children->size(); ++i)
            mapRun((*children)[i], inner,
                   (where.empty() ? "" : where + ".") + "child_runs[" + std::to_string(i) + "]", depth + 1,
                   out, reasons);
    }
};

std::unique_ptr<RecordMapper> make()
{
    return std::make_unique<LangSmithMapper>();
}

} // namespace

const ImportFormat& langsmithFormat()
{
    static const ImportFormat format{"langsmith", "LangSmith runs (API JSON, JSONL)", &detect, &make};
    return format;
}

} // namespace ts::import
