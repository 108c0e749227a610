#pragma once
#include "model/trace.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

// The two kinds of line an OpenAI Batch job's files hold, each read into its piece of the trace its
// custom_id names (one custom_id, one trace, one model-call span). The mapper joins the two.
namespace ts::import {

struct BatchLine
{
    enum class Kind { Request, Result };
    Kind kind = Kind::Request;
    std::string customId;
    Trace piece;
    bool timed = false; // a result whose body said when it was made
};

// An input-file line: {"custom_id","method","url","body"}.
bool isBatchRequest(const nlohmann::json& line);
// An output- or error-file line: {"id","custom_id","response":{...}|null,"error":{...}|null}.
bool isBatchResult(const nlohmann::json& line);

// Reads either kind; "" or why the line cannot be read ("no custom_id", "body.messages[1]: ...").
std::string readBatchLine(const nlohmann::json& line, BatchLine& out);

} // namespace ts::import
