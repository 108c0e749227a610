#pragma once
#include "model/trace.h"
#include "trace/store.h"

#include <memory>
#include <string>
#include <vector>

// Traces for the export tests: what the pipeline records (guard, route and model-call spans, a
// conversation with tool calls, images and cache breakpoints, raw exchanges) and one holding
// personal data and secrets everywhere an export might carry them.
namespace ts::test {

inline const std::string kSecretEmail = "ada.lovelace@example.com";
inline const std::string kSecretCard = "4111 1111 1111 1111";
inline const std::string kSecretKey = "sk-proj-Q7xT2mLp9ZrB4vK8nW3sYd6HjF1cG5aE0uIoPq";

// A demo-like agent trace: root (with service.name), guard.input, route, two llm.call spans (the
// first failing with an error event), a tool span; input with a system message, an image (inline
// and by URL) and a cache breakpoint; output with a tool call, its answer and a final reply; one
// exchange per model call, and one whose span is not in the trace.
Trace agentTrace(const std::string& traceId, Nanos start);

// Every place a person's text can sit holds kSecretEmail, kSecretCard and kSecretKey: messages,
// tool-call arguments, gen_ai.prompt / input.value / error.message attributes, a string-array
// attribute, an exception event, the root's status message, the user attribute, the exchange's
// request and response bodies, the raw chunks of a second exchange (the key cut in two between
// chunks) and a third exchange that streams the e-mail token by token in SSE deltas.
Trace sensitiveTrace(const std::string& traceId, Nanos start);

// A new workspace at `path` holding `traces`, flushed.
std::unique_ptr<TraceStore> workspaceWith(const std::string& path, const std::vector<Trace>& traces);

} // namespace ts::test
