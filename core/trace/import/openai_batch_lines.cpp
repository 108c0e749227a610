// Shapes (OpenAI API reference, "Batch" → "The request input object" / "The request output object",
// as mirrored at openai.cadn.net.cn/api-reference_en/batch-request-input and fastapi.ai/api/batch/jsonl;
// a recorded output line in mii/openai-api-rs@d66dc55:examples/data/batch_result.json; an error-file line,
// with the error inside response.body and a null top-level error, in openai/openai-openapi issue #302):
//   input:  {"custom_id","method":"POST","url":"/v1/chat/completions"|"/v1/responses"|"/v1/embeddings"|...,
//            "body":{the endpoint's request}}
//   output: {"id":"batch_req_...","custom_id","response":{"status_code","request_id","body":{the endpoint's
//            response}}|null,"error":{"code","message"}|null}
// A request the batch did not run to an answer has a null response and an error whose code is
// batch_expired, batch_cancelled or request_timeout (the spec's BatchRequestOutputError, as generated
// into docs.rs/crate/openai-client-base/0.8.1/source/docs/BatchRequestOutputError.md).
#include "trace/import/openai_batch_lines.h"

#include "model/attributes.h"
#include "model/span_note.h"
#include "providers/json_fields.h"
#include "providers/openai_responses_reply.h"
#include "providers/openai_wire.h"
#include "trace/import/call_attributes.h"
#include "trace/import/record_fields.h"
#include "trace/import/log_time.h"
#include "trace/import/message_codec.h"
#include "trace/import/stable_ids.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ts::import {

namespace {

using nlohmann::json;

std::string prefixed(std::string_view where, std::string why)
{
    return why.empty() ? why : std::string(where) + why;
}

// The endpoint's operation in the GenAI conventions' words (the Responses API is a chat).
std::string operationOfUrl(std::string_view url)
{
    if (url.ends_with("/chat/completions") || url.ends_with("/responses"))
        return "chat";
    if (url.ends_with("/embeddings"))
        return "embeddings";
    if (url.ends_with("/completions"))
        return "text_completion";
    return std::string(url.substr(url.rfind('/') + 1));
}

// The same, told from a response body: the output line does not repeat the URL.
std::string operationOfBody(const json& body)
{
    const std::string object = stringField(body, "object");
    if (object == "text_completion")
        return object;
    if (field(body, "choices") || object == "response")
        return "chat";
    return object == "list" ? "embeddings" : std::string();
}

Span callSpan(const std::string& customId)
{
    Span span;
    span.traceId = traceIdFor(customId);
    span.spanId = spanIdFor(customId);
    span.kind = SpanKind::Client;
    note(span, attr::kStage, std::string("llm.call"));
    note(span, attr::kProviderName, std::string("openai"));
    note(span, attr::kBatch, true);
    note(span, attr::kSourceId, customId);
    return span;
}

// The conversation a request sends; embeddings and moderations send inputs, not a conversation.
std::string requestMessages(std::string_view url, const json& body, std::vector<Message>& out)
{
    if (url.ends_with("/chat/completions")) {
        const json* messages = field(body, "messages");
        return messages ? prefixed("body.", readMessages(*messages, out)) : "body has no messages";
    }
    if (url.ends_with("/responses")) {
        if (const json* instructions = field(body, "instructions"); instructions && instructions->is_string())
            readMessages(json{{"role", "system"}, {"content", *instructions}}, out);
        const json* input = field(body, "input");
        return input ? prefixed("body.input: ", readMessages(*input, out)) : "body has no input";
    }
    if (url.ends_with("/completions")) {
        const json* prompt = field(body, "prompt");
        return prompt ? prefixed("body.prompt: ", readMessages(*prompt, out)) : "body has no prompt";
    }
    return {};
}

std::string readRequest(const json& line, BatchLine& out)
{
    const json* url = field(line, "url");
    const json* body = field(line, "body");
    if (!url || !url->is_string())
        return "no url";
    if (!body->is_object())
        return "body is not an object";
    const std::string& path = url->get_ref<const std::string&>();
    if (std::string why = requestMessages(path, *body, out.piece.input); !why.empty())
        return why;
    Span span = callSpan(out.customId);
    const std::string operation = operationOfUrl(path);
    const std::string model = stringField(*body, "model");
    span.name = callName(operation, model);
    note(span, attr::kOperationName, operation);
    noteText(span, attr::kRequestModel, model);
    noteText(span, attr::kUser, stringField(*body, "user"));
    noteRequestParams(span, *body);
    out.kind = BatchLine::Kind::Request;
    out.piece.spans.push_back(std::move(span));
    return {};
}

// A request the batch did not run to an answer: its code says why, and so which category it falls in.
ProviderError batchFailure(const json& error)
{
    ProviderError e = openai_responses::failureFrom(error);
    if (e.code == "batch_expired" || e.code == "request_timeout")
        e.kind = ProviderError::Kind::Timeout;
    else if (e.code == "batch_cancelled")
        e.kind = ProviderError::Kind::Cancelled;
    return e;
}

bool callsTools(const std::vector<Message>& messages)
{
    return std::any_of(messages.begin(), messages.end(),
                       [](const Message& m) { return !m.toolCalls.empty(); });
}

// A 2xx body: a chat completion, a Responses API response, an embeddings list, or another endpoint's.
// The output file has no timing per request: the body's `created` (seconds) stands for the start
// and the end alike, so an imported batch call has no duration.
std::string readResultBody(const json& body, Span& span, BatchLine& out)
{
    const std::string operation = operationOfBody(body);
    const std::string model = stringField(body, "model");
    span.name = callName(operation.empty() ? "call" : operation, model);
    noteText(span, attr::kOperationName, operation);
    noteText(span, attr::kRequestModel, model); // the request's own model wins when the two are joined
    noteText(span, attr::kResponseModel, model);
    noteText(span, attr::kResponseId, stringField(body, "id"));
    const json* created = field(body, "created") ? field(body, "created") : field(body, "created_at");
    if (const auto at = created ? timeOf(*created) : std::nullopt) {
        span.start = span.end = *at;
        out.timed = true;
    }
    if (const json* usage = field(body, "usage"); usage && usage->is_object())
        noteUsage(span, field(*usage, "input_tokens") ? openai_responses::usageFrom(*usage)
                                                      : openai::usageFrom(*usage));
    const bool response = stringField(body, "object") == "response";
    if (field(body, "choices") || response)
        if (std::string why = readReply(body, out.piece.output); !why.empty())
            return "response.body: " + why;
    std::string finish = response ? openai_responses::finishReason(body, callsTools(out.piece.output), false)
                                  : openai::responseFrom(body).finishReason;
    if (!finish.empty())
        note(span, attr::kFinishReasons, std::vector<std::string>{std::move(finish)});
    span.status = SpanStatus::Ok;
    if (const json* error = field(body, "error"); response && stringField(body, "status") == "failed")
        noteError(span, openai_responses::failureFrom(error ? *error : json()));
    return {};
}

std::string readResult(const json& line, BatchLine& out)
{
    const json* response = field(line, "response");
    const json* error = field(line, "error");
    if (!response && !error)
        return "neither a response nor an error";
    Span span = callSpan(out.customId);
    span.name = "call";
    if (response) {
        if (!response->is_object())
            return "response is not an object";
        const std::int64_t status = intField(*response, "status_code");
        const json* body = field(*response, "body");
        if (status)
            note(span, attr::kHttpStatus, status);
        if (status >= 400)
            noteError(span, openai::httpError(static_cast<int>(status), body ? body->dump() : std::string()));
        else if (!body || !body->is_object())
            return "response.body is not an object";
        else if (std::string why = readResultBody(*body, span, out); !why.empty())
            return why;
    }
    if (error)
        noteError(span, batchFailure(*error));
    out.kind = BatchLine::Kind::Result;
    out.piece.spans.push_back(std::move(span));
    return {};
}

} // namespace

bool isBatchRequest(const json& line)
{
    const json* body = field(line, "body");
    return hasString(line, "custom_id") && hasString(line, "method") && hasString(line, "url") && body &&
           body->is_object();
}

bool isBatchResult(const json& line)
{
    return hasString(line, "custom_id") && line.contains("response") && line.contains("error") &&
           !line.contains("body");
}

std::string readBatchLine(const json& line, BatchLine& out)
{
    if (!hasString(line, "custom_id") || line["custom_id"].get_ref<const std::string&>().empty())
        return "no custom_id";
    out.customId = line["custom_id"].get<std::string>();
    out.piece.traceId = traceIdFor(out.customId);
    if (field(line, "body"))
        return readRequest(line, out);
    if (line.contains("response") || line.contains("error"))
        return readResult(line, out);
    return "neither a batch request (custom_id, url, body) nor a batch result (custom_id, response, error)";
}

} // namespace ts::import
