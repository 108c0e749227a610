#pragma once
#include "serve/gateway_context.h"

namespace ts::serve {

// POST /v1/chat/completions (Dialect::OpenAI) and POST /v1/messages (Dialect::Anthropic): the body
// becomes a ChatRequest with the caller's metadata, its model is resolved, and the pipeline runs on
// this connection's thread. A streamed reply is written as the pipeline's onText delivers text; a
// failed write means the client left, and cancels the upstream call. Failures before the reply
// starts get their status; a stream that fails after its 200 went out ends with the dialect's error event.
void handleChat(const GatewayContext& ctx, Dialect dialect, const httplib::Request& req, httplib::Response& res);

} // namespace ts::serve
