#pragma once
#include "model/message.h"
#include "model/span.h"

#include <nlohmann/json_fwd.hpp>
#include <vector>

// What a LangSmith llm (or embedding) run says about its model call. Runs come from LangChain's
// tracer (inputs {"messages":[[...]]} of serialised messages, outputs {"generations":[[...]],
// "llm_output":{...}}) or from the SDK's wrappers (inputs: the request's own arguments, outputs:
// the provider's reply), so each fact is looked for where either puts it.
namespace ts::import {

// Model, provider, request parameters, usage, cost and time to first token onto the span.
void noteLangSmithCall(Span& span, const nlohmann::json& run);

// The conversation sent (inputs) and the reply (outputs); a value that does not read as one is
// left out.
void readLangSmithInput(const nlohmann::json& inputs, std::vector<Message>& out);
void readLangSmithOutput(const nlohmann::json& outputs, std::vector<Message>& out);

} // namespace ts::import
