#pragma once
// Feeding an import mapper a fixture's records one by one, as the importer would, and merging the
// pieces it yields by trace id, as the importer would: shared by the OpenAI Batch and LiteLLM tests.
#include "model/trace.h"
#include "trace/import/held_pieces.h"
#include "trace/import/record_mapper.h"

#include <QFile>
#include <QString>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace rig {

// The non-blank lines of tests/data/import/<relative>; empty when the file cannot be read.
inline std::vector<std::string> linesOf(const QString& relative)
{
    QFile file(qEnvironmentVariable("TOKENSCOPE_TEST_DATA") + QStringLiteral("/import/") + relative);
    std::vector<std::string> lines;
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    while (!file.atEnd()) {
        std::string line = file.readLine().trimmed().toStdString();
        if (!line.empty())
            lines.push_back(std::move(line));
    }
    return lines;
}

struct Fed
{
    std::vector<ts::Trace> pieces;
    std::vector<std::string> problems; // "line N: reason", N counting from 1 in each fed file
    std::vector<std::string> notes;
};

inline void feed(ts::import::RecordMapper& mapper, const std::vector<std::string>& lines, Fed& fed)
{
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (std::string why = mapper.map(lines[i], fed.pieces); !why.empty())
            fed.problems.push_back("line " + std::to_string(i + 1) + ": " + why);
}

inline void finish(ts::import::RecordMapper& mapper, Fed& fed)
{
    mapper.finish(fed.pieces, fed.notes);
}

// The pieces merged into whole traces, in the order they came.
inline std::map<std::string, ts::Trace> byTrace(std::vector<ts::Trace> pieces)
{
    std::map<std::string, ts::Trace> traces;
    for (ts::Trace& piece : pieces) {
        const std::string id = piece.traceId;
        if (auto it = traces.find(id); it != traces.end())
            ts::import::mergePiece(it->second, std::move(piece));
        else
            traces.emplace(id, std::move(piece));
    }
    return traces;
}

inline std::vector<const ts::Span*> withStage(const ts::Trace& trace, std::string_view stage)
{
    std::vector<const ts::Span*> spans;
    for (const ts::Span& s : trace.spans)
        if (s.attrView("tokenscope.stage") == stage)
            spans.push_back(&s);
    return spans;
}

// Whether any attribute of any span holds this text: what must never be stored (a key's hash).
inline bool holdsText(const ts::Trace& trace, std::string_view text)
{
    for (const ts::Span& s : trace.spans)
        for (const auto& [key, value] : s.attributes)
            if (const auto* v = std::get_if<std::string>(&value); v && v->find(text) != std::string::npos)
                return true;
    return false;
}

// The first record of a file of each format the importer knows (Tokenscope's own export is OTLP),
// for the detectors to tell apart. The first records of the formats under test come from their fixtures.
inline std::vector<std::pair<std::string, std::string>> foreignFirstRecords()
{
    return {
        {"otlp",
         R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"api"}}]},)"
         R"("scopeSpans":[{"scope":{"name":"tokenscope","version":"0.1.0"},"spans":[{"traceId":)"
         R"("5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"chat gpt-4o","kind":3,)"
         R"("startTimeUnixNano":"1741944413123000000","endTimeUnixNano":"1741944414456000000"}]}]}]})"},
        {"langfuse trace",
         R"({"id":"trace-7","timestamp":"2025-03-14T09:26:53.123Z","name":"support-chat",)"
         R"("userId":"u-42","sessionId":"s-1","tags":["prod"],"input":{"question":"hi"},)"
         R"("output":"hello","metadata":{},"release":null,"version":null,"observations":[]})"},
        {"langfuse observation",
         R"({"id":"obs-1","traceId":"trace-7","type":"GENERATION","name":"llm",)"
         R"("startTime":"2025-03-14T09:26:53.123Z","endTime":"2025-03-14T09:26:54.456Z",)"
         R"("completionStartTime":"2025-03-14T09:26:53.600Z","model":"gpt-4o",)"
         R"("modelParameters":{"temperature":0.3},"input":[{"role":"user","content":"hi"}],)"
         R"("output":{"role":"assistant","content":"hello"},"usage":{"input":10,"output":5,)"
         R"("total":15,"unit":"TOKENS"},"level":"DEFAULT","calculatedTotalCost":0.0001})"},
        {"langsmith run",
         R"({"id":"0e01bf50-474d-4536-810f-67d3ee7ea3e7","name":"ChatOpenAI","run_type":"llm",)"
         R"("trace_id":"0e01bf50-474d-4536-810f-67d3ee7ea3e7","dotted_order":)"
         R"("20250314T092653123000Z0e01bf50-474d-4536-810f-67d3ee7ea3e7","parent_run_id":null,)"
         R"("start_time":"2025-03-14T09:26:53.123","end_time":"2025-03-14T09:26:54.456",)"
         R"("inputs":{"messages":[]},"outputs":{},"extra":{"invocation_params":{"model":"gpt-4o"}},)"
         R"("prompt_tokens":10,"completion_tokens":5,"total_tokens":15,"status":"success"})"},
    };
}

} // namespace rig
