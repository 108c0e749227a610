#include "verbs.h"

#include "catalog/catalog.h"
#include "catalog/cost.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>

namespace ts::cli {

namespace {

std::int64_t tokensOption(const Args& args, const std::string& name, bool required)
{
    auto v = args.value(name);
    if (!v) {
        if (required)
            throw Exit{2, "cost needs " + name + " N (see tokenscope-cli cost --help)"};
        return 0;
    }
    std::int64_t out = 0;
    auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc{} || end != v->data() + v->size() || out < 0)
        throw Exit{2, name + " wants a token count (a whole number >= 0), not '" + *v + "'"};
    return out;
}

const ModelInfo& modelFrom(const Args& args, const Catalog& catalog)
{
    const std::string model = args.valueOr("--model", "");
    if (model.empty())
        throw Exit{2, "cost needs --model M"};
    const ModelInfo* info = catalog.find(model, args.valueOr("--provider", ""));
    if (!info) {
        std::string near;
        for (const std::string& id : catalog.nearest(model))
            near += (near.empty() ? "" : ", ") + id;
        throw Exit{1, "unknown model '" + model + "'" + (near.empty() ? "" : " (nearest known: " + near + ")")};
    }
    return *info;
}

// Usage in Tokenscope's convention (model/usage.h) from the options. --anthropic-usage reads
// --input as Anthropic's input_tokens, which leaves cache reads and writes out.
Usage usageFrom(const Args& args)
{
    Usage u;
    u.reported = true;
    u.inputTokens = tokensOption(args, "--input", true);
    u.outputTokens = tokensOption(args, "--output", true);
    u.cacheReadTokens = tokensOption(args, "--cached", false);
    u.cacheWrite1hTokens = tokensOption(args, "--cache-write-1h", false);
    u.cacheWriteTokens = args.value("--cache-write") ? tokensOption(args, "--cache-write", false) : u.cacheWrite1hTokens;
    if (u.cacheWrite1hTokens > u.cacheWriteTokens)
        throw Exit{2, "--cache-write-1h tokens are part of --cache-write (" + std::to_string(u.cacheWriteTokens)
                          + "), so they cannot be more"};
    u.reasoningTokens = tokensOption(args, "--reasoning", false);
    if (args.has("--anthropic-usage"))
        u.inputTokens += u.cacheReadTokens + u.cacheWriteTokens;
    else if (u.cacheReadTokens + u.cacheWriteTokens > u.inputTokens)
        throw Exit{2, "--cached and --cache-write tokens are part of --input (" + std::to_string(u.inputTokens)
                          + "), so they cannot add up to more; for Anthropic's input_tokens, which excludes them, "
                            "add --anthropic-usage"};
    if (u.reasoningTokens > u.outputTokens)
        throw Exit{2, "--reasoning tokens are part of --output (" + std::to_string(u.outputTokens)
                          + "), so they cannot be more"};
    return u;
}

nlohmann::json toJson(const CostExplanation& e, const Usage& u)
{
    nlohmann::json lines = nlohmann::json::array();
    for (const CostLine& l : e.lines) {
        nlohmann::json line{{"item", l.item}, {"tokens", l.tokens}, {"usd_per_mtok", l.perMTok}, {"usd", l.usd}};
        if (!l.note.empty())
            line["note"] = l.note;
        lines.push_back(std::move(line));
    }
    nlohmann::json out{{"model", e.modelId},
                       {"provider", e.provider},
                       {"usage", {{"input_tokens", u.inputTokens},
                                  {"output_tokens", u.outputTokens},
                                  {"cache_read_tokens", u.cacheReadTokens},
                                  {"cache_write_tokens", u.cacheWriteTokens},
                                  {"cache_write_1h_tokens", u.cacheWrite1hTokens},
                                  {"reasoning_tokens", u.reasoningTokens}}},
                       {"lines", std::move(lines)},
                       {"total_usd", e.total()},
                       {"notes", e.notes},
                       {"prices_source", e.source}};
    if (e.reportedUsd) {
        out["reported_usd"] = *e.reportedUsd;
        out["differs"] = e.differs();
    }
    return out;
}

} // namespace

int runCost(const Args& args)
{
    const auto catalog = Catalog::current();
    for (const CatalogIssue& issue : catalog->issues())
        std::fprintf(stderr, "tokenscope-cli: %s (skipped; the shipped prices stay in force)\n",
                     describeIssue(issue).c_str());
    const ModelInfo& model = modelFrom(args, *catalog);
    const Usage usage = usageFrom(args);
    CostExplanation e = explainCost(model, usage, CostOptions{.batch = args.has("--batch")});
    if (args.value("--reported"))
        e.reportedUsd = parseDoubleOption(args, "--reported", 0, 0, 1e9);
    if (!e.breakdown.known)
        throw Exit{1, "no price for '" + model.id + "' in the catalog; add one in the settings or the override file"};
    if (args.has("--json"))
        std::printf("%s\n", toJson(e, usage).dump(2).c_str());
    else
        std::printf("%s", formatExplanation(e).c_str());
    return 0;
}

} // namespace ts::cli
