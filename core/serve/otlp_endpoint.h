#pragma once
#include "gateway/pipeline.h"

#include <httplib.h>

namespace ts::serve {

// POST /v1/traces: an OTLP/HTTP JSON export becomes traces given to `sink`; the answer is
// {"partialSuccess":{}} (with rejectedSpans when some had no valid ids). Protobuf is 415 in words,
// a body that is not an export is 400.
void receiveOtlp(const Pipeline::TraceSink& sink, const httplib::Request& req, httplib::Response& res);

} // namespace ts::serve
