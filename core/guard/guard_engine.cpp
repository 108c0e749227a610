#include "guard/guard_engine.h"

#include "guard/injection_detector.h"
#include "guard/output_detectors.h"
#include "guard/structured_detector.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace ts::guard {

Detectors::Detectors()
    : structured(makeStructuredDetector()), injection(std::make_unique<InjectionDetector>())
{
}
Detectors::~Detectors() = default;

const Detectors& sharedDetectors()
{
    static const Detectors detectors;
    return detectors;
}

namespace {

std::string describe(const Finding& f)
{
    std::string what = f.type;
    std::replace(what.begin(), what.end(), '_', ' ');
    return f.evidence.empty() ? what : what + " (" + f.evidence + ")";
}

// The action a rule takes on a finding: block, warn and the rest apply as written.
void decide(TextVerdict& verdict, std::vector<Decided>& decided, const Finding& f, const Rule& rule)
{
    decided.push_back({f, rule.action});
    if (rule.action == Action::Block && !verdict.blocked) {
        verdict.blocked = true;
        verdict.reason = "blocked by the guard policy: " + describe(f);
    }
    verdict.warned = verdict.warned || rule.action == Action::Warn;
}

// A check that judges the text as a whole (injection, leak): its findings share one rule and
// count only when the strongest reaches the rule's threshold.
void decideAbove(TextVerdict& verdict, std::vector<Decided>& decided, const std::vector<Finding>& findings,
                 double score, const Rule& rule)
{
    if (findings.empty() || score < rule.threshold)
        return;
    Rule applied = rule;
    if (rewrites(applied.action)) // a whole-text judgement has nothing to rewrite: it is reported
        applied.action = Action::Warn;
    for (const Finding& f : findings)
        decide(verdict, decided, f, applied);
}

void checkOutput(std::string_view text, const StagePolicy& stage, const Detector* words, const OutputContext& ctx,
                 TextVerdict& verdict, std::vector<Decided>& decided)
{
    if (stage.systemPromptLeak && ctx.leak) {
        std::vector<Finding> leaks;
        ctx.leak->scan(text, leaks);
        double share = 0;
        for (const Finding& f : leaks)
            share = std::max(share, f.score);
        decideAbove(verdict, decided, leaks, share, *stage.systemPromptLeak);
    }
    if (stage.schema && ctx.schema && ctx.complete) {
        std::vector<Finding> violations;
        ctx.schema->scan(text, violations);
        for (const Finding& f : violations)
            decide(verdict, decided, f, *stage.schema);
    }
    if (stage.bannedWords && words) {
        std::vector<Finding> banned;
        words->scan(text, banned);
        for (const Finding& f : banned)
            decide(verdict, decided, f, *stage.bannedWords);
    }
    if (stage.maxLength) {
        std::vector<Finding> over;
        LengthDetector(stage.maxBytes).scan(text, over);
        for (const Finding& f : over)
            decide(verdict, decided, f, *stage.maxLength);
    }
}

TextVerdict scanStage(std::string_view text, const StagePolicy& stage, Vault& vault, const Detector* words,
                      const OutputContext* output, bool withInjection = true)
{
    TextVerdict verdict;
    std::vector<Decided> decided;
    const Detectors& detectors = sharedDetectors();
    if (stage.scansStructured()) {
        std::vector<Finding> found;
        detectors.structured->scan(text, found);
        for (const Finding& f : found)
            if (const Rule* rule = stage.ruleFor(f))
                decide(verdict, decided, f, *rule);
    }
    if (stage.injection && withInjection) {
        const InjectionAssessment assessment = detectors.injection->assess(text);
        verdict.injectionScore = assessment.score;
        decideAbove(verdict, decided, assessment.reasons, assessment.score, *stage.injection);
    }
    if (output)
        checkOutput(text, stage, words, *output, verdict, decided);
    verdict.text = applyActions(text, decided, vault, verdict.placed);
    return verdict;
}

} // namespace

CompiledPolicy::CompiledPolicy(Policy policy) : policy_(std::move(policy))
{
    sharedDetectors(); // compile the shared set now, not inside the first request
    if (policy_.output.bannedWords)
        outputWords_ = std::make_unique<WordListDetector>(policy_.output.words, policy_.output.topics);
}

CompiledPolicy::~CompiledPolicy() = default;

TextVerdict CompiledPolicy::input(std::string_view text, Vault& vault, bool withInjection) const
{
    return scanStage(text, policy_.input, vault, nullptr, nullptr, withInjection);
}

OutputContext CompiledPolicy::outputContext(const std::string& systemPrompt, const std::string& schemaJson) const
{
    OutputContext ctx;
    if (policy_.output.systemPromptLeak && !systemPrompt.empty())
        ctx.leak = std::make_shared<const LeakageDetector>(systemPrompt);
    if (policy_.output.schema && !schemaJson.empty())
        if (auto schema = nlohmann::json::parse(schemaJson, nullptr, false); !schema.is_discarded())
            ctx.schema = std::make_shared<const SchemaDetector>(std::move(schema));
    return ctx;
}

TextVerdict CompiledPolicy::output(std::string_view text, Vault& vault, const OutputContext& context) const
{
    return scanStage(text, policy_.output, vault, outputWords_.get(), &context);
}

} // namespace ts::guard
