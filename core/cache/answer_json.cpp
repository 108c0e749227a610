#include "cache/answer_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ts::cache {

namespace {

using nlohmann::json;

json usageJson(const Usage& u)
{
    return {{"input", u.inputTokens},          {"output", u.outputTokens},
            {"cache_read", u.cacheReadTokens}, {"cache_write", u.cacheWriteTokens},
            {"cache_write_1h", u.cacheWrite1hTokens}, {"reasoning", u.reasoningTokens},
            {"reported", u.reported}};
}

Usage usageFrom(const json& j)
{
    Usage u;
    u.inputTokens = j.at("input").get<std::int64_t>();
    u.outputTokens = j.at("output").get<std::int64_t>();
    u.cacheReadTokens = j.at("cache_read").get<std::int64_t>();
    u.cacheWriteTokens = j.at("cache_write").get<std::int64_t>();
    u.cacheWrite1hTokens = j.at("cache_write_1h").get<std::int64_t>();
    u.reasoningTokens = j.at("reasoning").get<std::int64_t>();
    u.reported = j.at("reported").get<bool>();
    return u;
}

} // namespace

std::string answerJson(const CachedAnswer& answer)
{
    const ChatResponse& r = answer.response;
    json calls = json::array();
    for (const ToolCall& c : r.toolCalls)
        calls.push_back({{"id", c.id}, {"name", c.name}, {"arguments", c.arguments}, {"signature", c.signature}});
    json deltas = json::array();
    for (const TextDelta& d : answer.deltas)
        deltas.push_back({d.offset, d.bytes});
    json doc{{"id", r.id},   {"model", r.model}, {"text", r.text}, {"tool_calls", std::move(calls)},
             {"finish_reason", r.finishReason}, {"usage", usageJson(r.usage)}, {"deltas", std::move(deltas)}, {"simulated", answer.simulated}};
    if (r.reportedCostUsd)
        doc["reported_cost_usd"] = *r.reportedCostUsd;
    return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<CachedAnswer> answerFromJson(std::string_view text, std::string& error)
{
    try {
        const json doc = json::parse(text);
        CachedAnswer a;
        ChatResponse& r = a.response;
        r.id = doc.at("id").get<std::string>();
        r.model = doc.at("model").get<std::string>();
        r.text = doc.at("text").get<std::string>();
        for (const json& c : doc.at("tool_calls"))
            r.toolCalls.push_back({c.at("id").get<std::string>(), c.at("name").get<std::string>(),
                                   c.at("arguments").get<std::string>(), c.at("signature").get<std::string>()});
        r.finishReason = doc.at("finish_reason").get<std::string>();
        r.usage = usageFrom(doc.at("usage"));
        a.simulated = doc.at("simulated").get<bool>();
        if (auto it = doc.find("reported_cost_usd"); it != doc.end())
            r.reportedCostUsd = it->get<double>();
        std::size_t total = 0;
        for (const json& d : doc.at("deltas")) {
            a.deltas.push_back({d.at(0).get<Nanos>(), d.at(1).get<std::size_t>()});
            total += std::min(a.deltas.back().bytes, r.text.size() + 1); // no wrapping round
        }
        if (!a.deltas.empty() && total != r.text.size()) {
            error = "its stream pacing covers " + std::to_string(total) + " bytes of a " +
                    std::to_string(r.text.size()) + "-byte answer";
            return std::nullopt;
        }
        return a;
    } catch (const json::exception& e) {
        error = "not a cached answer (" + std::string(e.what()) + ")";
        return std::nullopt;
    }
}

} // namespace ts::cache
