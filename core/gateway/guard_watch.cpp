#include "gateway/guard_watch.h"

#include <algorithm>

namespace ts {

using namespace guard;

namespace {

bool stageRewrites(const StagePolicy& stage)
{
    const auto rewritesRule = [](const Rule& r) { return rewrites(r.action); };
    return std::any_of(stage.byType.begin(), stage.byType.end(),
                       [&](const auto& e) { return rewritesRule(e.second); }) ||
           std::any_of(stage.byCategory.begin(), stage.byCategory.end(),
                       [&](const auto& e) { return rewritesRule(e.second); }) ||
           (stage.bannedWords && rewritesRule(*stage.bannedWords));
}

// Where an offset of the original text lands in the rewritten one.
std::size_t rewrittenOffset(const TextVerdict& v, std::size_t original)
{
    std::ptrdiff_t shift = 0;
    for (const Placed& p : v.placed) {
        const Finding& f = p.decided.finding;
        if (rewrites(p.decided.action) && f.end <= original)
            shift += static_cast<std::ptrdiff_t>(p.end - p.start) - static_cast<std::ptrdiff_t>(f.size());
    }
    return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(original) + shift);
}

} // namespace

PolicyStreamWatch::PolicyStreamWatch(std::shared_ptr<const CompiledPolicy> policy, OutputContext context)
    : policy_(std::move(policy)), context_(std::move(context)),
      rewrites_(stageRewrites(policy_->policy().output))
{
}

std::string PolicyStreamWatch::feed(std::string_view piece, bool& stop, std::string& reason)
{
    text_.append(piece);
    // Judging costs a pass over the answer so far: each 16 bytes early on, then each 1/32 of the
    // length, so a long answer costs a bounded multiple of its size. Text waits to be judged.
    if (text_.size() - judgedAt_ < std::max<std::size_t>(16, text_.size() / 32))
        return {};
    return release(false, stop, reason);
}

std::string PolicyStreamWatch::finish(bool& stop, std::string& reason) { return release(true, stop, reason); }

std::string PolicyStreamWatch::release(bool atEnd, bool& stop, std::string& reason)
{
    judgedAt_ = text_.size();
    Vault vault;
    context_.complete = atEnd;
    const TextVerdict v = policy_->output(text_, vault, context_);
    std::size_t until = atEnd || !rewrites_ ? text_.size() : text_.size() - std::min(text_.size(), kHoldBack);
    if (v.blocked) {
        stop = true;
        reason = v.reason;
        for (const Placed& p : v.placed)
            if (p.decided.action == Action::Block)
                until = std::min(until, p.decided.finding.start);
    }
    // Never cut through a finding that is rewritten.
    for (const Placed& p : v.placed) {
        const Finding& f = p.decided.finding;
        if (rewrites(p.decided.action) && f.start < until && until < f.end)
            until = f.start;
    }
    if (until <= shown_)
        return {};
    const std::size_t from = rewrittenOffset(v, shown_);
    const std::size_t to = rewrittenOffset(v, until);
    shown_ = until;
    return to > from ? v.text.substr(from, to - from) : std::string();
}

} // namespace ts
