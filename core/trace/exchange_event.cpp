#include "trace/exchange_event.h"

#include "tokens/base64.h"
#include "trace/byte_text.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace ts::codec {

namespace {

using nlohmann::json;

json bytesJson(std::string_view bytes)
{
    if (isValidUtf8(bytes))
        return bytes;
    std::string encoded;
    appendBase64Encoded(bytes, encoded);
    return {{"base64", std::move(encoded)}};
}

// A string, or {"base64": "..."}; anything else (or bad base64) throws, failing the whole event.
std::string bytesOf(const json& v)
{
    if (v.is_string())
        return v.get<std::string>();
    std::string out;
    if (!v.is_object() || !appendBase64Decoded(v.at("base64").get<std::string>(), out))
        throw std::invalid_argument("not bytes");
    return out;
}

std::string bytesField(const json& j, const char* key)
{
    const auto it = j.find(key);
    return it == j.end() ? std::string() : bytesOf(*it);
}

json headersJson(const std::vector<Header>& headers)
{
    json out = json::array();
    for (const auto& [name, value] : headers)
        out.push_back(json::array({bytesJson(name), bytesJson(value)}));
    return out;
}

std::vector<Header> headersOf(const json& j, const char* key)
{
    std::vector<Header> out;
    const auto it = j.find(key);
    if (it != j.end())
        for (const json& pair : *it)
            out.emplace_back(bytesOf(pair.at(0)), bytesOf(pair.at(1)));
    return out;
}

// at_nanos as a number, or as a decimal string (OTLP's habit for 64-bit integers).
Nanos nanosOf(const json& v)
{
    return v.is_string() ? std::stoll(v.get<std::string>()) : v.get<Nanos>();
}

} // namespace

SpanEvent exchangeEvent(const Exchange& e, Nanos at)
{
    json chunks = json::array();
    for (const Exchange::Chunk& c : e.chunks)
        chunks.push_back(json::array({c.at, bytesJson(c.data)}));
    const json body{{"method", bytesJson(e.method)},
                    {"url", bytesJson(e.url)},
                    {"request_headers", headersJson(e.requestHeaders)},
                    {"request_body", bytesJson(e.requestBody)},
                    {"http_status", e.httpStatus},
                    {"response_headers", headersJson(e.responseHeaders)},
                    {"chunks", std::move(chunks)},
                    {"response_body", bytesJson(e.responseBody)}};
    SpanEvent event;
    event.time = at;
    event.name = kExchangeEvent;
    event.attributes.emplace(kExchangeJson, body.dump());
    return event;
}

std::optional<Exchange> exchangeFromEventJson(std::string_view text, const std::string& spanId)
{
    try {
        const json j = json::parse(text);
        if (!j.is_object())
            return std::nullopt;
        Exchange e;
        e.spanId = spanId;
        if (j.contains("method"))
            e.method = bytesOf(j["method"]);
        e.url = bytesField(j, "url");
        e.requestHeaders = headersOf(j, "request_headers");
        e.requestBody = bytesField(j, "request_body");
        e.httpStatus = j.value("http_status", 0);
        e.responseHeaders = headersOf(j, "response_headers");
        if (const auto it = j.find("chunks"); it != j.end())
            for (const json& c : *it)
                e.chunks.push_back({nanosOf(c.at(0)), bytesOf(c.at(1))});
        e.responseBody = bytesField(j, "response_body");
        return e;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

void takeExchanges(Span& span, std::vector<Exchange>& out)
{
    auto taken = std::remove_if(span.events.begin(), span.events.end(), [&](const SpanEvent& event) {
        if (event.name != kExchangeEvent)
            return false;
        const auto it = event.attributes.find(kExchangeJson);
        const auto* text = it == event.attributes.end() ? nullptr : std::get_if<std::string>(&it->second);
        auto exchange = text ? exchangeFromEventJson(*text, span.spanId) : std::nullopt;
        if (exchange)
            out.push_back(std::move(*exchange));
        return exchange.has_value();
    });
    span.events.erase(taken, span.events.end());
}

} // namespace ts::codec
