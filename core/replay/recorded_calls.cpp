#include "replay/recorded_calls.h"

#include "model/attributes.h"
#include "model/json_reader.h"

#include <algorithm>
#include <unordered_map>

namespace ts::replay {

namespace {

// A number attribute as the store writes it: an integer, or a double for some importers' counts.
bool readCount(JsonReader& r, std::int64_t& out)
{
    if (r.peek() != JsonReader::Type::Number)
        return r.skip();
    double d = 0;
    if (!r.number(d))
        return false;
    out = static_cast<std::int64_t>(d);
    return true;
}

bool readText(JsonReader& r, std::string& out)
{
    return r.peek() == JsonReader::Type::String ? r.string(out) : r.skip();
}

// A boolean attribute; stores written by older versions kept some flags as "true" strings.
bool readFlag(JsonReader& r, bool& out)
{
    if (r.peek() == JsonReader::Type::Literal)
        return r.null() || r.boolean(out);
    std::string text;
    if (r.peek() == JsonReader::Type::String) {
        if (!r.string(text))
            return false;
        out = text == "true";
        return true;
    }
    return r.skip();
}

struct ModelIndex
{
    std::uint32_t of(const CallFields& f, std::vector<CallModel>& models)
    {
        const std::string& name = f.model.empty() ? f.responseModel : f.model;
        if (!models.empty() && models[last_].model == name && models[last_].provider == f.provider)
            return last_; // the calls of a trace mostly share their model
        key_.assign(name).append(1, '\0').append(f.provider);
        if (auto it = index_.find(key_); it != index_.end())
            return last_ = it->second;
        last_ = static_cast<std::uint32_t>(models.size());
        models.push_back({name, f.provider});
        index_.emplace(key_, last_);
        return last_;
    }

  private:
    std::unordered_map<std::string, std::uint32_t> index_;
    std::string key_;
    std::uint32_t last_ = 0;
};

} // namespace

bool readCallFields(std::string_view attributesJson, CallFields& out, bool& malformed)
{
    // Cleared field by field: the strings keep their buffers from one span to the next.
    out.model.clear();
    out.responseModel.clear();
    out.provider.clear();
    out.usage = Usage{};
    out.hasUsage = out.batch = false;
    out.costUsd.reset();
    malformed = false;
    std::optional<std::int64_t> input, output;
    std::int64_t count = 0;
    bool reported = true;
    JsonReader r(attributesJson);
    const bool ok = r.object([&](std::string_view key) {
        if (key == attr::kInputTokens)
            return readCount(r, count) && (input = count, true);
        if (key == attr::kOutputTokens)
            return readCount(r, count) && (output = count, true);
        if (key == attr::kCacheReadTokens)
            return readCount(r, out.usage.cacheReadTokens);
        if (key == attr::kCacheWriteTokens)
            return readCount(r, out.usage.cacheWriteTokens);
        if (key == attr::kCacheWrite1hTokens)
            return readCount(r, out.usage.cacheWrite1hTokens);
        if (key == attr::kReasoningTokens)
            return readCount(r, out.usage.reasoningTokens);
        if (key == attr::kRequestModel)
            return readText(r, out.model);
        if (key == attr::kResponseModel)
            return readText(r, out.responseModel);
        if (key == attr::kProviderName)
            return readText(r, out.provider);
        if (key == attr::kBatch)
            return readFlag(r, out.batch);
        if (key == attr::kUsageReported)
            return readFlag(r, reported);
        if (key == attr::kCostUsd && r.peek() == JsonReader::Type::Number) {
            double usd = 0;
            return r.number(usd) && (out.costUsd = usd, true);
        }
        return r.skip();
    });
    if (!ok) {
        malformed = true;
        return false;
    }
    out.hasUsage = input || output;
    out.usage.inputTokens = input.value_or(0);
    out.usage.outputTokens = output.value_or(0);
    out.usage.reported = reported;
    return out.hasUsage;
}

std::optional<CallSet> readCalls(TraceReader& reader, const TraceFilter& filter, const CancelToken* cancel)
{
    CallSet set;
    ModelIndex models;
    CallFields fields;
    std::int64_t lastTrace = -1;
    std::size_t traceStart = 0;
    auto finishTrace = [&] { // spans are stored in tree order; calls are priced in start order
        std::stable_sort(set.calls.begin() + static_cast<std::ptrdiff_t>(traceStart), set.calls.end(),
                         [](const RecordedCall& a, const RecordedCall& b) { return a.start < b.start; });
        traceStart = set.calls.size();
    };
    const bool whole = reader.spanAttributes(filter, "_tokens", [&](const SpanAttributesRow& row) {
        bool malformed = false;
        if (!readCallFields(row.attributes, fields, malformed)) {
            set.unreadable += malformed ? 1 : 0;
            return;
        }
        if (row.traceRowId != lastTrace) {
            finishTrace();
            lastTrace = row.traceRowId;
            ++set.traces;
        }
        set.calls.push_back({row.traceRowId, row.start, models.of(fields, set.models), fields.usage, fields.batch,
                             fields.costUsd});
    }, cancel);
    if (!whole)
        return std::nullopt;
    finishTrace();
    return set;
}

} // namespace ts::replay
