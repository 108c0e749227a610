#pragma once
#include "model/trace.h"

#include <QString>

// The raw exchange of a model call as text a person reads: request line, headers, pretty JSON.
namespace ts::ui::exchange_text {

QString prettyJson(const std::string& body); // indented JSON (key order kept), or the text as it is
QString request(const Exchange& exchange);   // POST https://... \n headers \n\n body
QString response(const Exchange& exchange);  // HTTP 200 \n headers \n\n body (the non-streamed body)
QString title(const Exchange& exchange, int index); // "Call 1 · POST api.openai.com/v1/chat/completions · 200"

} // namespace ts::ui::exchange_text
