// Shapes:
//  - StandardLoggingPayload, what LiteLLM hands every logging callback for each success and failure
//    (BerriAI/litellm@08182e1:docs/my-website/docs/proxy/logging_spec.md, and the TypedDicts
//    StandardLoggingPayload, StandardLoggingMetadata, StandardLoggingHiddenParams and
//    StandardLoggingPayloadErrorInformation in litellm/types/utils.py): id, trace_id, call_type, stream,
//    status success|failure, model, model_group, model_id, custom_llm_provider, api_base, messages,
//    response, prompt_tokens, completion_tokens, response_cost, startTime / endTime /
//    completionStartTime as epoch seconds (floats), cache_hit, cache_key, saved_cache_cost,
//    request_tags, end_user, metadata {user_api_key_hash, user_api_key_alias, user_api_key_user_id,
//    user_api_key_team_id, usage_object, ...}, model_parameters, error_str, error_information
//    {error_code, error_class, error_message}, hidden_params {cache_key, usage_object, ...}.
//  - LiteLLM_SpendLogs, the proxy's table of one row a request (BerriAI/litellm@029f645:schema.prisma,
//    and SpendLogsPayload / SpendLogsMetadata in litellm/proxy/_types.py): request_id, call_type,
//    api_key (a hash of the virtual key), spend, prompt_tokens, completion_tokens, startTime, endTime,
//    completionStartTime as timestamps, model, model_id, model_group, custom_llm_provider, api_base,
//    user, metadata (JSON; as text when written by the proxy: user_api_key_alias, status,
//    error_information, additional_usage_values, usage_object), cache_hit ("True"/"False" text),
//    cache_key, request_tags (JSON list, or its text), team_id, end_user, messages, response,
//    session_id, status.
#include "trace/import/litellm_record.h"

#include "providers/json_fields.h"
#include "providers/openai_wire.h"
#include "trace/import/log_time.h"
#include "trace/import/message_codec.h"
#include "trace/import/record_fields.h"

#include <charconv>

namespace ts::import {

namespace {

using nlohmann::json;

// Spend-log columns of JSON type come as text from the proxy and from some database exports.
json decoded(const json* value)
{
    if (!value)
        return json();
    if (value->is_string() && !value->get_ref<const std::string&>().empty()) {
        const char first = value->get_ref<const std::string&>().front();
        if (first == '{' || first == '[') {
            json parsed = json::parse(value->get_ref<const std::string&>(), nullptr, false);
            if (!parsed.is_discarded())
                return parsed;
        }
    }
    return *value;
}

bool says(const json& value)
{
    return !value.is_null() && !(value.is_object() && value.empty()) &&
           !(value.is_array() && value.empty()) &&
           !(value.is_string() && value.get_ref<const std::string&>().empty());
}

std::string firstString(std::initializer_list<std::string> values)
{
    for (const std::string& v : values)
        if (!v.empty())
            return v;
    return {};
}

std::optional<bool> flag(const json* value)
{
    if (value && value->is_boolean())
        return value->get<bool>();
    const std::string text = value && value->is_string() ? value->get<std::string>() : std::string();
    if (text == "True" || text == "true")
        return true;
    if (text == "False" || text == "false")
        return false;
    return std::nullopt;
}

std::optional<double> number(const json* value)
{
    if (value && value->is_number())
        return value->get<double>();
    return std::nullopt;
}

std::string joinedTags(const json& tags)
{
    std::string out;
    if (tags.is_array())
        for (const json& tag : tags)
            if (tag.is_string() && !tag.get_ref<const std::string&>().empty())
                (out += out.empty() ? "" : ",") += tag.get<std::string>();
    return out;
}

std::string readTimes(const json& record, LiteLlmCall& out)
{
    const auto start = timeOf(record.value("startTime", json()));
    const auto end = timeOf(record.value("endTime", json()));
    if (!start)
        return "no startTime";
    if (!end)
        return "no endTime";
    if (*end < *start)
        return "endTime is before startTime";
    out.start = *start;
    out.end = *end;
    if (const auto first = timeOf(record.value("completionStartTime", json()));
        first && *first >= *start && *first <= *end)
        out.firstChunk = first;
    return {};
}

// LiteLLM logs the exception it raised: its HTTP status as error_code, its class, its message.
ProviderError failureOf(const json& record, const json& metadata)
{
    json info = decoded(field(record, "error_information"));
    if (!info.is_object())
        info = decoded(field(metadata, "error_information"));
    ProviderError e{.kind = ProviderError::Kind::Http};
    const std::string code = stringField(info, "error_code");
    std::from_chars(code.data(), code.data() + code.size(), e.httpStatus);
    e.type = stringField(info, "error_class");
    e.message = firstString(
        {stringField(info, "error_message"), stringField(record, "error_str"), "the call failed"});
    return e;
}

// Prompt and completion totals are the record's own; the details (cached, reasoning, cache writes)
// come from the usage objects LiteLLM kept, in OpenAI's shape or with Anthropic's cache fields, each
// figure from the first that has it (the reply's usage, then the metadata's copies).
std::optional<Usage> usageOf(const json& record, const json& metadata, const json& hidden,
                             const json& response, bool failed)
{
    Usage u;
    for (const json* source : {field(response, "usage"), field(metadata, "usage_object"),
                               field(metadata, "additional_usage_values"), field(hidden, "usage_object")}) {
        if (!source || !source->is_object())
            continue;
        Usage s = openai::usageFrom(*source);
        s.cacheReadTokens =
            s.cacheReadTokens ? s.cacheReadTokens : intField(*source, "cache_read_input_tokens");
        s.cacheWriteTokens =
            s.cacheWriteTokens ? s.cacheWriteTokens : intField(*source, "cache_creation_input_tokens");
        for (auto [mine, theirs] :
             {std::pair{&u.inputTokens, s.inputTokens}, std::pair{&u.outputTokens, s.outputTokens},
              std::pair{&u.cacheReadTokens, s.cacheReadTokens},
              std::pair{&u.cacheWriteTokens, s.cacheWriteTokens},
              std::pair{&u.reasoningTokens, s.reasoningTokens}})
            *mine = *mine ? *mine : theirs;
    }
    if (field(record, "prompt_tokens"))
        u.inputTokens = intField(record, "prompt_tokens");
    if (field(record, "completion_tokens"))
        u.outputTokens = intField(record, "completion_tokens");
    u.reported = true;
    if (failed && u.inputTokens == 0 && u.outputTokens == 0)
        return std::nullopt; // a failure that used nothing: no usage, not a zero one
    return u;
}

std::string readConversation(const json& record, const json& response, LiteLlmCall& out)
{
    const std::string operation = operationOfCallType(out.callType);
    if (operation != "chat" && operation != "text_completion")
        return {}; // embedding inputs, images, transcriptions: not a conversation
    if (const json messages = decoded(field(record, "messages")); says(messages))
        if (std::string why = readMessages(messages, out.input); !why.empty())
            return "messages: " + why;
    if (out.error || !says(response))
        return {};
    if (std::string why = readReply(response, out.output); !why.empty())
        return "response: " + why;
    if (response.is_object() && field(response, "choices")) {
        const ChatResponse reply = openai::responseFrom(response);
        out.responseId = reply.id;
        out.responseModel = reply.model;
        out.finishReason = reply.finishReason;
    }
    return {};
}

} // namespace

bool isLiteLlmPayload(const json& record)
{
    const json* start = field(record, "startTime");
    return hasString(record, "id") && hasString(record, "call_type") && start && start->is_number() &&
           (record.contains("response_cost") || record.contains("hidden_params") ||
            record.contains("model_parameters"));
}

bool isSpendLogRow(const json& record)
{
    return hasString(record, "request_id") && hasString(record, "call_type") && record.contains("spend") &&
           record.contains("startTime");
}

std::string operationOfCallType(std::string_view callType)
{
    for (std::string_view chat : {"completion", "acompletion", "anthropic_messages", "responses",
                                  "aresponses", "generate_content", "agenerate_content"})
        if (callType == chat)
            return "chat";
    if (callType == "text_completion" || callType == "atext_completion")
        return "text_completion";
    if (callType == "embedding" || callType == "aembedding")
        return "embeddings";
    return callType.empty() ? std::string("call") : std::string(callType);
}

std::string readLiteLlmCall(const json& record, LiteLlmCall& out)
{
    const bool row = hasString(record, "request_id") && !hasString(record, "id");
    out.id = stringField(record, row ? "request_id" : "id");
    if (out.id.empty())
        return "no id or request_id";
    const std::string traceId = row ? std::string() : stringField(record, "trace_id");
    out.sharesTrace = !traceId.empty();
    out.traceKey = out.sharesTrace ? traceId : out.id;
    if (std::string why = readTimes(record, out); !why.empty())
        return why;
    const json metadata = decoded(field(record, "metadata"));
    const json hidden = decoded(field(record, "hidden_params"));
    const json response = decoded(field(record, "response"));
    out.callType = stringField(record, "call_type");
    out.model = stringField(record, "model");
    out.modelGroup = stringField(record, "model_group");
    out.provider = stringField(record, "custom_llm_provider");
    out.apiBase = stringField(record, "api_base");
    const json* stream = field(record, "stream");
    out.stream = stream && stream->is_boolean() && stream->get<bool>();
    const std::string status = firstString({stringField(record, "status"), stringField(metadata, "status")});
    if (status == "failure")
        out.error = failureOf(record, metadata);
    out.usage = usageOf(record, metadata, hidden, response, out.error.has_value());
    out.reportedCostUsd = number(field(record, row ? "spend" : "response_cost"));
    out.cacheHit = flag(field(record, "cache_hit"));
    out.cacheKey = firstString({stringField(record, "cache_key"), stringField(hidden, "cache_key")});
    out.savedCacheCostUsd = number(field(record, "saved_cache_cost"));
    out.user = firstString({stringField(record, "end_user"), stringField(record, "user"),
                            stringField(metadata, "user_api_key_user_id")});
    out.session = stringField(record, "session_id");
    out.keyAlias = stringField(metadata, "user_api_key_alias");
    out.tags = joinedTags(decoded(field(record, "request_tags")));
    out.params = decoded(field(record, "model_parameters"));
    return readConversation(record, response, out);
}

} // namespace ts::import
