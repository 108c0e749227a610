#include "trace/export/exchange_event.h"

#include "trace/export/otlp_values.h"

namespace ts::exporting {

namespace {

using nlohmann::json;

json headersJson(const std::vector<Header>& headers)
{
    json out = json::array();
    for (const auto& [name, value] : headers)
        out.push_back(json::array({otlp::bytesValue(name), otlp::bytesValue(value)}));
    return out;
}

json chunksJson(const std::vector<Exchange::Chunk>& chunks)
{
    json out = json::array();
    for (const Exchange::Chunk& c : chunks)
        out.push_back(json::array({c.at, otlp::bytesValue(c.data)}));
    return out;
}

} // namespace

SpanEvent exchangeEvent(const Exchange& e, Nanos at)
{
    const json body{{"method", otlp::bytesValue(e.method)},
                    {"url", otlp::bytesValue(e.url)},
                    {"request_headers", headersJson(e.requestHeaders)},
                    {"request_body", otlp::bytesValue(e.requestBody)},
                    {"http_status", e.httpStatus},
                    {"response_headers", headersJson(e.responseHeaders)},
                    {"chunks", chunksJson(e.chunks)},
                    {"response_body", otlp::bytesValue(e.responseBody)}};
    SpanEvent event;
    event.time = at;
    event.name = kExchangeEvent;
    event.attributes.emplace(kExchangeJson, body.dump());
    return event;
}

} // namespace ts::exporting
