#include "trace/import/openai_batch_mapper.h"

#include "trace/import/call_attributes.h"
#include "trace/import/record_fields.h"
#include "trace/import/openai_batch_lines.h"

#include <nlohmann/json.hpp>

namespace ts::import {

namespace {

// Held pieces are keyed by side and custom_id: a request waits under "request", a result under "result".
constexpr std::string_view kRequestSide = "request";
constexpr std::string_view kResultSide = "result";

std::string keyOf(std::string_view side, const std::string& customId)
{
    std::string key(side);
    key += '\x1f';
    return key += customId;
}

std::string_view sideOf(BatchLine::Kind kind)
{
    return kind == BatchLine::Kind::Request ? kRequestSide : kResultSide;
}

std::string counted(std::size_t n, const std::string& what)
{
    return std::to_string(n) + ' ' + what + (n == 1 ? "" : "s");
}

bool detect(std::string_view firstRecord)
{
    nlohmann::json line;
    return parseObject(firstRecord, line).empty() && (isBatchRequest(line) || isBatchResult(line));
}

std::unique_ptr<RecordMapper> make()
{
    return std::make_unique<OpenAiBatchMapper>();
}

} // namespace

const ImportFormat& openaiBatchFormat()
{
    static const ImportFormat format{
        "openai-batch", "OpenAI Batch API input and output files (JSONL lines with custom_id)", detect, make};
    return format;
}

void OpenAiBatchMapper::Tally::add(const std::string& customId)
{
    ++count;
    if (examples.size() < 3)
        examples.push_back(customId);
}

std::string OpenAiBatchMapper::Tally::named() const
{
    std::string out = " (custom_id ";
    for (std::size_t i = 0; i < examples.size(); ++i)
        out += (i ? ", " : "") + examples[i];
    return out + (count > examples.size() ? ", ...)" : ")");
}

std::string OpenAiBatchMapper::map(std::string_view record, std::vector<Trace>& out)
{
    nlohmann::json json;
    if (std::string why = parseObject(record, json); !why.empty())
        return why;
    BatchLine line;
    if (std::string why = readBatchLine(json, line); !why.empty())
        return why;
    const bool isRequest = line.kind == BatchLine::Kind::Request;
    const std::string self = keyOf(sideOf(line.kind), line.customId);
    if (held_.find(self))
        return "custom_id '" + line.customId + "' repeats an earlier " + std::string(sideOf(line.kind)) +
               "'s (a custom_id names one request of a batch)";
    if (line.kind == BatchLine::Kind::Result && !line.timed)
        ++untimed_;
    if (auto partner = held_.take(keyOf(isRequest ? kResultSide : kRequestSide, line.customId))) {
        // The request's piece comes first, so what it says (model, name) wins over the result's.
        Trace joined = isRequest ? std::move(line.piece) : std::move(*partner);
        mergePiece(joined, isRequest ? std::move(*partner) : std::move(line.piece));
        out.push_back(std::move(joined));
        return {};
    }
    held_.hold(self, std::move(line.piece), record.size());
    release(held_.overBudget(), out, true);
    return {};
}

void OpenAiBatchMapper::release(HeldPieces::Released released, std::vector<Trace>& out, bool early)
{
    for (auto& [key, piece] : released) {
        const std::string customId = key.substr(key.find('\x1f') + 1);
        if (early)
            ++releasedEarly_;
        else if (key.starts_with(kRequestSide))
            requestsAlone_.add(customId);
        else
            resultsAlone_.add(customId);
        out.push_back(std::move(piece));
    }
}

void OpenAiBatchMapper::finish(std::vector<Trace>& out, std::vector<std::string>& notes)
{
    release(held_.all(), out, false);
    if (requestsAlone_.count)
        notes.push_back(counted(requestsAlone_.count, "batch request") + " without a response" +
                        requestsAlone_.named() +
                        ": imported without time or result, until the output file is imported");
    if (resultsAlone_.count)
        notes.push_back(counted(resultsAlone_.count, "batch result") + " without a request line" +
                        resultsAlone_.named() + ": imported without the prompt");
    if (releasedEarly_)
        notes.push_back(counted(releasedEarly_, "batch line") +
                        " written before their partner was read (more unmatched lines than the memory budget "
                        "holds); a partner read later is merged into the stored trace");
    if (untimed_)
        notes.push_back("no time in " + counted(untimed_, "batch result") +
                        " (errors and embeddings carry no `created`): stored at time 0");
}

} // namespace ts::import
