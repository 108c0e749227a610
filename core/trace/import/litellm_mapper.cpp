#include "trace/import/litellm_mapper.h"

#include "trace/import/call_attributes.h"
#include "trace/import/record_fields.h"
#include "trace/import/litellm_record.h"
#include "trace/import/litellm_trace.h"

#include <nlohmann/json.hpp>

namespace ts::import {

namespace {

bool detect(std::string_view firstRecord)
{
    nlohmann::json record;
    return parseObject(firstRecord, record).empty() && (isLiteLlmPayload(record) || isSpendLogRow(record));
}

std::unique_ptr<RecordMapper> make()
{
    return std::make_unique<LiteLlmMapper>();
}

} // namespace

const ImportFormat& litellmFormat()
{
    static const ImportFormat format{
        "litellm", "LiteLLM standard logging payloads or LiteLLM_SpendLogs rows (JSON lines or array)",
        detect, make};
    return format;
}

std::string LiteLlmMapper::map(std::string_view record, std::vector<Trace>& out)
{
    nlohmann::json json;
    if (std::string why = parseObject(record, json); !why.empty())
        return why;
    LiteLlmCall call;
    if (std::string why = readLiteLlmCall(json, call); !why.empty())
        return why;
    const bool sharesTrace = call.sharesTrace;
    Trace piece = pieceOf(std::move(call));
    if (!sharesTrace) {
        out.push_back(std::move(piece));
        return {};
    }
    const std::string key = piece.traceId;
    held_.hold(key, std::move(piece), record.size());
    HeldPieces::Released early = held_.overBudget();
    releasedEarly_ += early.size();
    release(std::move(early), out);
    return {};
}

void LiteLlmMapper::release(HeldPieces::Released released, std::vector<Trace>& out)
{
    for (auto& [key, trace] : released) {
        settleRoot(trace);
        out.push_back(std::move(trace));
    }
}

void LiteLlmMapper::finish(std::vector<Trace>& out, std::vector<std::string>& notes)
{
    release(held_.all(), out);
    if (releasedEarly_)
        notes.push_back(
            std::to_string(releasedEarly_) + " LiteLLM trace" + (releasedEarly_ == 1 ? "" : "s") +
            " written before the end of the input (more than the memory budget holds); a call of "
            "theirs read later is merged into the stored trace, whose root keeps its first times");
}

} // namespace ts::import
