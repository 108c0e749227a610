#include "gateway/guard_stages.h"

#include "gateway/guard_watch.h"
#include "guard/guard_record.h"
#include "model/span_note.h"

#include <set>

namespace ts {

namespace {

using namespace guard;

// The vault as the pipeline sees it: it puts originals back into the caller's answer.
class VaultRestorer : public TextRestorer
{
public:
    Vault vault;
    std::string restore(std::string_view text) const override { return vault.restore(text); }
    std::string restoreStream(std::string& pending, std::string_view piece, bool atEnd) const override
    {
        return vault.restoreStream(pending, piece, atEnd);
    }
};

// Collects what the stage found across texts and writes it onto the span.
struct StageRecord
{
    std::vector<RecordedFinding> findings;
    std::set<std::string> unlocated; // types found where no offsets are kept
    bool rewrote = false;
    bool blocked = false;
    bool warned = false;
    std::string reason;
    double injection = -1; // not checked

    // locatable: offsets point into the message's stored text (not into a tool call's arguments,
    // which are counted and typed but not highlighted).
    void add(const TextVerdict& v, int message, bool locatable = true)
    {
        for (const Placed& p : v.placed) {
            rewrote = rewrote || p.rewrote;
            if (locatable)
                findings.push_back({p.decided.finding.type, p.decided.finding.category, message, p.start, p.end,
                                    p.decided.finding.score, p.decided.action});
            else
                unlocated.insert(p.decided.finding.type);
        }
        if (v.blocked && !blocked) {
            blocked = true;
            reason = message == kOutputMessage ? v.reason
                                               : v.reason + " in message " + std::to_string(message + 1);
        }
        warned = warned || v.warned;
    }

    GuardVerdict write(Span& span) const
    {
        std::set<std::string> types = unlocated;
        for (const RecordedFinding& f : findings)
            types.insert(f.type);
        std::string joined;
        for (const std::string& t : types)
            joined += (joined.empty() ? "" : ",") + t;
        note(span, kAttrBlocked, blocked);
        if (!joined.empty())
            note(span, kAttrTypes, joined);
        if (!findings.empty())
            note(span, kAttrDetail, writeDetail(findings));
        if (warned)
            note(span, kAttrWarned, true);
        if (blocked)
            note(span, kAttrReason, reason);
        if (injection >= 0)
            note(span, kAttrInjectionScore, injection);
        return {blocked, reason, static_cast<int>(findings.size() + unlocated.size()), nullptr, rewrote};
    }
};

} // namespace

guard::OutputContext outputContext(const guard::CompiledPolicy& policy, const ChatRequest& request)
{
    std::string systemPrompt;
    for (const Message& m : request.messages)
        if (m.role == Role::System)
            systemPrompt += (systemPrompt.empty() ? "" : "\n") + m.content;
    const bool schema = request.responseFormat.type == ResponseFormat::Type::JsonSchema;
    return policy.outputContext(systemPrompt, schema ? request.responseFormat.schemaJson : std::string());
}

std::string PolicyInputGuard::policyName() const
{
    return policy_->policy().name;
}

GuardVerdict PolicyInputGuard::check(ChatRequest& request, Span& span)
{
    auto restorer = std::make_shared<VaultRestorer>();
    StageRecord record;
    const bool injection = policy_->policy().input.injection.has_value();
    if (injection)
        record.injection = 0;
    for (std::size_t i = 0; i < request.messages.size(); ++i) {
        Message& m = request.messages[i];
        if (!m.content.empty()) {
            // Instructions in the system prompt are the developer's own: injection is judged in what
            // users and tools bring in.
            const bool judgeInjection = m.role != Role::System;
            TextVerdict v = policy_->input(m.content, restorer->vault, judgeInjection);
            if (injection && judgeInjection)
                record.injection = std::max(record.injection, v.injectionScore);
            record.add(v, static_cast<int>(i));
            m.content = std::move(v.text);
        }
        // Arguments of earlier tool calls go back to the model too. JSON-safe: placeholders are
        // [A-Z0-9_] in brackets, and originals are restored as the escaped text they were.
        for (ToolCall& call : m.toolCalls) {
            TextVerdict args = policy_->input(call.arguments, restorer->vault, false);
            record.add(args, static_cast<int>(i), false);
            call.arguments = std::move(args.text);
        }
    }
    GuardVerdict verdict = record.write(span);
    if (!restorer->vault.empty())
        verdict.restorer = std::move(restorer);
    return verdict;
}

std::string PolicyOutputGuard::policyName() const
{
    return policy_->policy().name;
}

GuardVerdict PolicyOutputGuard::check(const ChatRequest& request, ChatResponse& response, Span& span)
{
    Vault vault(true); // output redaction is one-way: [REDACTED_EMAIL_1] stays in what the user sees
    StageRecord record;
    if (policy_->policy().output.injection)
        record.injection = 0;
    TextVerdict v = policy_->output(response.text, vault, outputContext(*policy_, request));
    if (record.injection >= 0)
        record.injection = v.injectionScore;
    record.add(v, kOutputMessage);
    response.text = std::move(v.text);
    return record.write(span);
}

std::unique_ptr<StreamWatch> PolicyOutputGuard::watch(const ChatRequest& request)
{
    if (policy_->policy().output.empty())
        return nullptr;
    return std::make_unique<PolicyStreamWatch>(policy_, outputContext(*policy_, request));
}

} // namespace ts
