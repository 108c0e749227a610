#pragma once
#include "model/span.h"
#include "model/trace.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A model call's raw exchange as Tokenscope's OTLP export carries it, and as its import reads it
// back: a span event named tokenscope.exchange on the call's span, with one string attribute
// tokenscope.exchange.json = {"method","url","request_headers":[[name,value]...],"request_body",
// "http_status","response_headers":[[...]],"chunks":[[at_nanos,data]...],"response_body"}.
// Each string there that is not valid UTF-8 is written as {"base64": "..."}, so a stream cut
// inside a character comes back byte for byte.
namespace ts::codec {

inline constexpr std::string_view kExchangeEvent = "tokenscope.exchange";
inline constexpr std::string_view kExchangeJson = "tokenscope.exchange.json";

SpanEvent exchangeEvent(const Exchange& exchange, Nanos at);
// nullopt when the text is not that object.
std::optional<Exchange> exchangeFromEventJson(std::string_view json, const std::string& spanId);
// Moves the span's exchange events into `out`; an event whose JSON cannot be read stays on the span.
void takeExchanges(Span& span, std::vector<Exchange>& out);

} // namespace ts::codec
