#include "model/trace_facts.h"

#include "model/attributes.h"
#include "model/trace.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <unordered_map>

namespace ts {

namespace {

// Written by the guard stages (core/guard/guard_record.h); model/ sits below guard/, so the name is repeated.
constexpr std::string_view kGuardBlocked = "tokenscope.guard.blocked";

double ms(Nanos ns) { return static_cast<double>(std::max<Nanos>(ns, 0)) / 1e6; }

bool startsWithStage(std::string_view stage, std::string_view prefix) { return stage.substr(0, prefix.size()) == prefix; }

// A model call: up to the first token is network and waiting for the model, the rest generation.
void addCall(TraceFacts& facts, const Span& s)
{
    const double total = ms(s.duration());
    const auto firstChunk = s.attrDouble(attr::kTimeToFirstChunk);
    if (s.attrBool(attr::kRequestStream))
        facts.streamed = true;
    if (!firstChunk || *firstChunk < 0) {
        facts.phases.networkMs += total;
        return;
    }
    const double network = std::min(total, *firstChunk * 1000.0);
    facts.phases.networkMs += network;
    facts.phases.generationMs += total - network;
}

bool refusedByFilter(const Span& s)
{
    const AttrValue* reasons = s.attr(attr::kFinishReasons);
    if (!reasons)
        return false;
    if (const auto* list = std::get_if<std::vector<std::string>>(reasons))
        return std::find(list->begin(), list->end(), "content_filter") != list->end() ||
               std::find(list->begin(), list->end(), "refusal") != list->end();
    if (const auto* one = std::get_if<std::string>(reasons))
        return *one == "content_filter" || *one == "refusal";
    return false;
}

// Lower-cased, leading blanks dropped, typographic apostrophes (U+2019) read as plain ones.
std::string lowerPrefix(std::string_view text, std::size_t n)
{
    std::size_t at = 0;
    while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at])))
        ++at;
    std::string out;
    for (; at < text.size() && out.size() < n; ++at) {
        if (text.substr(at, 3) == "\xE2\x80\x99") {
            out += '\'';
            at += 2;
            continue;
        }
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(text[at])));
    }
    return out;
}

} // namespace

bool looksLikeRefusal(std::string_view answer)
{
    static constexpr std::array<std::string_view, 14> kOpenings{
        "i'm sorry, but i can't", "i'm sorry, but i cannot", "i am sorry, but i can", "sorry, i can't",
        "sorry, but i can't",     "i can't help with",       "i cannot help with",    "i can't assist",
        "i cannot assist",        "i can't provide",         "i cannot provide",      "i won't be able to help",
        "i'm unable to help",     "i am unable to help"};
    const std::string head = lowerPrefix(answer, 48);
    return std::any_of(kOpenings.begin(), kOpenings.end(),
                       [&](std::string_view opening) { return head.substr(0, opening.size()) == opening; });
}

TraceFacts factsOf(const Trace& trace)
{
    TraceFacts facts;
    const Span* root = trace.root();
    if (!root)
        return facts;
    // Time inside route spans that no model call covers is waiting: rate limits, back-off, failed connects.
    std::unordered_map<std::string_view, double> routeSpans; // span id -> its ms not yet covered by calls
    double covered = 0;
    for (const Span& s : trace.spans) {
        const std::string_view stage = s.attrView(attr::kStage);
        if (stage == "route") {
            routeSpans.emplace(s.spanId, ms(s.duration()));
            if (facts.route.empty())
                facts.route = s.attrString(attr::kRoute);
        }
    }
    for (const Span& s : trace.spans) {
        if (&s == root)
            continue;
        const std::string_view stage = s.attrView(attr::kStage);
        const double d = ms(s.duration());
        if (startsWithStage(stage, "guard.")) {
            facts.phases.guardMs += d;
            facts.guardFindings += static_cast<int>(s.attrInt(attr::kGuardFindings).value_or(0));
            facts.guardBlocked = facts.guardBlocked || s.attrBool(kGuardBlocked);
        } else if (startsWithStage(stage, "cache.")) {
            facts.phases.cacheMs += d;
            if (stage == "cache.lookup" && s.attrBool(attr::kCacheHit)) {
                facts.cacheHit = true;
                facts.cacheSavedUsd += s.attrDouble(attr::kCacheSavedUsd).value_or(0.0);
            }
        } else if (stage == "llm.call") {
            addCall(facts, s);
            facts.refused = facts.refused || refusedByFilter(s);
            if (auto it = routeSpans.find(s.parentSpanId); it != routeSpans.end())
                it->second -= d;
        } else if (s.attr(attr::kToolName) || s.name.rfind("execute_tool", 0) == 0) {
            facts.phases.toolsMs += d;
        } else {
            continue;
        }
        // Only spans directly under the root (or calls under a route) add up to the root's time.
        if (s.parentSpanId == root->spanId || stage == "llm.call")
            covered += d;
    }
    for (const auto& [id, uncovered] : routeSpans) {
        facts.phases.queueMs += std::max(0.0, uncovered);
        covered += std::max(0.0, uncovered);
    }
    if (facts.route.empty())
        facts.route = root->attrString(attr::kRoute);
    facts.phases.otherMs = std::max(0.0, ms(root->duration()) - covered);
    if (!facts.refused && !trace.output.empty())
        facts.refused = looksLikeRefusal(trace.output.back().content);
    return facts;
}

} // namespace ts
