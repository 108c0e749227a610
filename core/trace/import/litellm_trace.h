#pragma once
#include "model/trace.h"
#include "trace/import/litellm_record.h"

// LiteLLM calls as Tokenscope traces, shaped as the gateway shapes its own: a root span for the
// request (stage "request": who asked, for which model, with which key and tags) over a model-call
// span (stage llm.call) for each call LiteLLM made to serve it (retries and fallbacks share a trace).
// A call LiteLLM answered from its cache has a cache.lookup span that hit instead of a model call.
namespace ts::import {

// The piece of its trace one call makes: the root (with this call's times and status) and the
// call's own spans, with the conversation when the log kept it.
Trace pieceOf(LiteLlmCall&& call);

// After the pieces of one trace are merged: the root spans from its first call's start to its last
// call's end and ends as the last call ended (a failed attempt that a fallback answered is not an
// error of the request).
void settleRoot(Trace& trace);

} // namespace ts::import
