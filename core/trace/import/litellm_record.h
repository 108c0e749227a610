#pragma once
#include "model/message.h"
#include "model/time.h"
#include "model/usage.h"
#include "providers/provider.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

// One model call as LiteLLM logs it, read from either of its two record shapes into one form (the
// shapes and their sources are in litellm_record.cpp).
namespace ts::import {

struct LiteLlmCall
{
    std::string id;           // the payload's id, the spend-log row's request_id
    std::string traceKey;     // the payload's trace_id (a request's retries and fallbacks share it), else id
    bool sharesTrace = false; // the record named a trace_id: other calls may belong to the same trace
    std::string callType;     // completion, acompletion, embedding, ...
    std::string model;        // the model LiteLLM sent the call to
    std::string modelGroup;   // the model name the client asked for
    std::string provider;     // custom_llm_provider
    std::string apiBase;
    Nanos start = 0;
    Nanos end = 0;
    std::optional<Nanos> firstChunk; // completionStartTime
    bool stream = false;
    std::optional<ProviderError> error; // status "failure"
    std::optional<Usage> usage;
    std::optional<double> reportedCostUsd; // response_cost, or the row's spend
    std::optional<bool> cacheHit;          // null in the log: no cache was asked
    std::string cacheKey;
    std::optional<double> savedCacheCostUsd;
    std::string user;     // end_user, else the key's user
    std::string session;  // session_id
    std::string keyAlias; // the virtual key's alias; never the key or its hash
    std::string tags;     // request_tags, comma-separated
    std::string responseId;
    std::string responseModel;
    std::string finishReason;
    nlohmann::json params; // model_parameters
    std::vector<Message> input;
    std::vector<Message> output;
};

// A StandardLoggingPayload: {"id","trace_id","call_type","startTime": epoch seconds,"response_cost",...}.
bool isLiteLlmPayload(const nlohmann::json& record);
// A LiteLLM_SpendLogs row: {"request_id","call_type","spend","startTime": ISO time,...}.
bool isSpendLogRow(const nlohmann::json& record);

// The GenAI operation of a LiteLLM call_type: completion → chat, embedding → embeddings, ...
std::string operationOfCallType(std::string_view callType);

// Reads either shape; "" or why the record cannot be read ("no startTime", "messages[0]: ...").
std::string readLiteLlmCall(const nlohmann::json& record, LiteLlmCall& out);

} // namespace ts::import
