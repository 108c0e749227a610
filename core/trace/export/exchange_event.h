#pragma once
#include "model/span.h"
#include "model/trace.h"

#include <string_view>

namespace ts::exporting {

inline constexpr std::string_view kExchangeEvent = "tokenscope.exchange";
inline constexpr std::string_view kExchangeJson = "tokenscope.exchange.json";

// A raw exchange as the span event OTLP export carries it: named tokenscope.exchange, at the
// span's start, with one string attribute tokenscope.exchange.json =
// {"method","url","request_headers":[[name,value]...],"request_body","http_status",
//  "response_headers":[[...]],"chunks":[[at_nanos,data]...],"response_body"}. Each string there
// that is not valid UTF-8 is written as {"base64": "..."} instead (otlp::bytesValue).
SpanEvent exchangeEvent(const Exchange& exchange, Nanos at);

} // namespace ts::exporting
