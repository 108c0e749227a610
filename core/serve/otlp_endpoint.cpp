#include "serve/otlp_endpoint.h"

#include "serve/json_text.h"
#include "serve/otlp_json_receiver.h"

#include <nlohmann/json.hpp>

namespace ts::serve {

namespace {

void fail(httplib::Response& res, int status, const std::string& message)
{
    res.status = status;
    res.set_content(dumpJson({{"code", 3}, {"message", message}}), "application/json");
}

} // namespace

void receiveOtlp(const Pipeline::TraceSink& sink, const httplib::Request& req, httplib::Response& res)
{
    const std::string type = req.get_header_value("Content-Type");
    if (type.find("protobuf") != std::string::npos)
        return fail(res, 415,
                    "This receiver takes OTLP/HTTP JSON only: set the exporter's protocol to http/json "
                    "(OTEL_EXPORTER_OTLP_PROTOCOL=http/json).");
    OtlpImport import = parseOtlpTraces(req.body);
    if (!import.error.empty())
        return fail(res, 400, import.error);
    for (Trace& trace : import.traces)
        if (sink)
            sink(std::move(trace));
    nlohmann::json partial = nlohmann::json::object();
    if (import.rejectedSpans > 0) {
        partial["rejectedSpans"] = std::to_string(import.rejectedSpans);
        partial["errorMessage"] = "spans without a 32-hex-digit traceId and a 16-hex-digit spanId were dropped";
    }
    res.set_content(dumpJson({{"partialSuccess", std::move(partial)}}), "application/json");
}

} // namespace ts::serve
