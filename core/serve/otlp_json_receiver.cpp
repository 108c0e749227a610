#include "serve/otlp_json_receiver.h"

#include "trace/import/otlp_mapper.h"
#include "trace/import/trace_finish.h"
#include "trace/import/trace_merge.h"

#include <map>

namespace ts::serve {

// The importer's OTLP reader and finishing, so a trace received here and the same trace imported
// from a file are stored alike.
OtlpImport parseOtlpTraces(std::string_view body)
{
    OtlpImport out;
    import::OtlpMapper mapper(true);
    std::vector<Trace> pieces;
    if (std::string why = mapper.map(body, pieces); !why.empty()) {
        out.error = "not an OTLP/HTTP JSON ExportTraceServiceRequest: " + why;
        return out;
    }
    out.rejectedSpans = static_cast<int>(mapper.rejectedSpans());
    std::map<std::string, import::TraceMerger> byId;
    for (Trace& piece : pieces) {
        const std::string id = piece.traceId;
        if (auto it = byId.find(id); it != byId.end())
            it->second.add(std::move(piece));
        else
            byId.emplace(id, import::TraceMerger(std::move(piece)));
    }
    const auto catalog = Catalog::current();
    for (auto& [id, merger] : byId) {
        Trace trace = merger.take();
        import::finishTrace(trace, import::otlpFormat().name, *catalog);
        summarize(trace);
        out.traces.push_back(std::move(trace));
    }
    return out;
}

} // namespace ts::serve
