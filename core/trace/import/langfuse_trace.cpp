#include "trace/import/langfuse_trace.h"

#include "model/attributes.h"
#include "model/span_note.h"
#include "trace/import/langfuse_observation.h"
#include "trace/import/log_time.h"
#include "trace/import/message_codec.h"
#include "trace/import/record_fields.h"
#include "trace/import/stable_ids.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace ts::import {

using nlohmann::json;

void noteLangfuseTraceContext(Span& span, const json& record)
{
    if (std::string user = textField(record, {"userId", "user_id"}); !user.empty())
        note(span, attr::kUser, std::move(user));
    if (std::string session = textField(record, {"sessionId", "session_id"}); !session.empty()) {
        note(span, attr::kSession, session);
        note(span, attr::kConversationId, std::move(session));
    }
    if (std::string tags = joinedTags(fieldOf(record, {"tags"})); !tags.empty())
        note(span, attr::kTags, std::move(tags));
    if (std::string release = textField(record, {"release"}); !release.empty())
        note(span, "langfuse.release", std::move(release));
    if (std::string environment = textField(record, {"environment"}); !environment.empty())
        note(span, "langfuse.environment", std::move(environment));
}

std::string readLangfuseTrace(const json& t, LangfuseTrace& out)
{
    out.source = textField(t, {"id"});
    if (out.source.empty())
        return "trace: no id";
    const json* timestamp = fieldOf(t, {"timestamp"});
    const auto start = timestamp ? timeOf(*timestamp) : std::nullopt;
    if (!start)
        return "trace " + out.source + ": no readable timestamp";
    Span& root = out.root;
    root.traceId = traceIdFor(out.source);
    root.spanId = langfuseRootSpanId(out.source);
    root.name = textField(t, {"name"});
    if (root.name.empty())
        root.name = "trace";
    root.kind = SpanKind::Server;
    root.start = *start;
    root.end = *start;
    // The list endpoint says how long the trace took (seconds); the observations say it otherwise.
    if (const auto latency = amountOf(fieldOf(t, {"latency"})); latency && *latency > 0)
        root.end += std::llround(*latency * 1e6) * 1000;
    noteLangfuseTraceContext(root, t);
    if (std::string version = textField(t, {"version"}); !version.empty())
        note(root, "langfuse.version", std::move(version));
    if (const json* input = fieldOf(t, {"input"});
        input && !readMessages(unwrapJsonText(*input), out.input).empty())
        out.input.clear();
    if (const json* output = fieldOf(t, {"output"});
        output && !readReply(unwrapJsonText(*output), out.output).empty())
        out.output.clear();
    return {};
}

} // namespace ts::import
