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

namespace {

enum class Phase { None, Guard, Cache, Call, Tool, Route };

Phase phaseOf(const Span& s)
{
    const std::string_view stage = s.attrView(attr::kStage);
    if (startsWithStage(stage, "guard."))
        return Phase::Guard;
    if (startsWithStage(stage, "cache."))
        return Phase::Cache;
    if (stage == "llm.call")
        return Phase::Call;
    if (stage == "route")
        return Phase::Route;
    if (s.attr(attr::kToolName) || s.name.rfind("execute_tool", 0) == 0)
        return Phase::Tool;
    return Phase::None;
}

// Flags and counts come from every span, wherever it sits.
void noteFlags(TraceFacts& facts, const Span& s, Phase phase)
{
    if (phase == Phase::Guard) {
        facts.guardFindings += static_cast<int>(s.attrInt(attr::kGuardFindings).value_or(0));
        facts.guardBlocked = facts.guardBlocked || s.attrBool(kGuardBlocked);
    } else if (phase == Phase::Cache && s.attrView(attr::kStage) == "cache.lookup" && s.attrBool(attr::kCacheHit)) {
        facts.cacheHit = true;
        facts.cacheSavedUsd += s.attrDouble(attr::kCacheSavedUsd).value_or(0.0);
    } else if (phase == Phase::Call) {
        facts.refused = facts.refused || refusedByFilter(s);
        facts.streamed = facts.streamed || s.attrBool(attr::kRequestStream);
    } else if (phase == Phase::Route && facts.route.empty()) {
        facts.route = s.attrString(attr::kRoute);
    }
}

} // namespace

TraceFacts factsOf(const Trace& trace)
{
    TraceFacts facts;
    const Span* root = trace.root();
    if (!root)
        return facts;
    std::unordered_map<std::string_view, const Span*> byId;
    for (const Span& s : trace.spans)
        byId.emplace(s.spanId, &s);
    // Time is counted once, in the outermost span that names a phase: guards and caches inside an
    // agent step's pipeline count, a model call inside a tool counts as the tool's. A route span's
    // time that no call inside it covers is waiting: rate limits and back-off between attempts.
    auto insidePhase = [&](const Span& s) {
        std::size_t hops = 0;
        for (auto it = byId.find(s.parentSpanId); it != byId.end() && hops < trace.spans.size();
             it = byId.find(it->second->parentSpanId), ++hops) {
            const Span* parent = it->second;
            if (parent == root)
                return false;
            if (const Phase p = phaseOf(*parent); p != Phase::None && p != Phase::Route)
                return true;
        }
        return false;
    };
    std::unordered_map<std::string_view, double> routeWaits; // route span id -> ms not covered by its calls
    for (const Span& s : trace.spans) {
        if (&s == root)
            continue;
        const Phase phase = phaseOf(s);
        noteFlags(facts, s, phase);
        if (phase == Phase::None || insidePhase(s))
            continue;
        const double d = ms(s.duration());
        switch (phase) {
        case Phase::Guard: facts.phases.guardMs += d; break;
        case Phase::Cache: facts.phases.cacheMs += d; break;
        case Phase::Tool: facts.phases.toolsMs += d; break;
        case Phase::Route: routeWaits[s.spanId] += d; break;
        case Phase::Call:
            addCall(facts, s);
            if (auto it = byId.find(s.parentSpanId); it != byId.end() && phaseOf(*it->second) == Phase::Route)
                routeWaits[it->second->spanId] -= d;
            break;
        case Phase::None: break;
        }
    }
    for (const auto& [id, wait] : routeWaits)
        facts.phases.queueMs += std::max(0.0, wait);
    if (facts.route.empty())
        facts.route = root->attrString(attr::kRoute);
    const TracePhases& p = facts.phases;
    const double counted = p.guardMs + p.cacheMs + p.queueMs + p.networkMs + p.generationMs + p.toolsMs;
    facts.phases.otherMs = std::max(0.0, ms(root->duration()) - counted);
    if (!facts.refused && !trace.output.empty())
        facts.refused = looksLikeRefusal(trace.output.back().content);
    return facts;
}

} // namespace ts
