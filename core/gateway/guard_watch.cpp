#include "gateway/guard_watch.h"

#include <algorithm>

namespace ts {

using namespace guard;

namespace {

// Rules that judge stretches of text: a stretch may still be growing at the end of what arrived,
// so that end is held back until it cannot be part of one.
bool judgesStretches(const StagePolicy& stage)
{
    return stage.scansStructured() || stage.bannedWords || stage.systemPromptLeak;
}

} // namespace

PolicyStreamWatch::PolicyStreamWatch(std::shared_ptr<const CompiledPolicy> policy, OutputContext context)
    : policy_(std::move(policy)), context_(std::move(context)), holdBack_(judgesStretches(policy_->policy().output))
{
}

std::string PolicyStreamWatch::feed(std::string_view piece, bool& stop, std::string& reason)
{
    text_.append(piece);
    // Judging costs a pass over the answer so far: each 16 bytes early on, then each 1/32 of the
    // length, so a long answer costs a bounded multiple of its size. Text waits to be judged.
    if (text_.size() - judgedAt_ < std::max<std::size_t>(16, text_.size() / 32))
        return {};
    return release(false, false, stop, reason);
}

std::string PolicyStreamWatch::finish(bool complete, bool& stop, std::string& reason)
{
    return release(true, complete, stop, reason);
}

std::string PolicyStreamWatch::release(bool atEnd, bool complete, bool& stop, std::string& reason)
{
    judgedAt_ = text_.size();
    Vault vault(true);
    context_.complete = complete; // a truncated answer is not judged against its schema
    const TextVerdict v = policy_->output(text_, vault, context_);
    std::size_t until = atEnd || !holdBack_ ? text_.size() : text_.size() - std::min(text_.size(), kHoldBack);
    if (v.blocked) {
        stop = true;
        reason = v.reason;
        for (const Placed& p : v.placed)
            if (p.decided.action == Action::Block)
                until = std::min(until, p.decided.finding.start);
    }
    // Never cut through a rewrite (nor show the start of a blocked stretch): moving the cut back
    // past one may land it inside another, so repeat until it rests.
    for (bool moved = true; moved;) {
        moved = false;
        for (const Placed& p : v.placed) {
            const bool cuts = p.rewrote ? p.rewroteFrom < until && until < p.rewroteTo
                                        : p.decided.action == Action::Block && p.decided.finding.start < until &&
                                              until < p.decided.finding.end;
            if (cuts) {
                until = p.rewrote ? p.rewroteFrom : p.decided.finding.start;
                moved = true;
            }
        }
    }
    if (until <= shown_)
        return {};
    const std::size_t from = std::min(rewrittenOffset(v.placed, shown_), v.text.size());
    const std::size_t to = std::min(rewrittenOffset(v.placed, until), v.text.size());
    shown_ = until;
    return to > from ? v.text.substr(from, to - from) : std::string();
}

} // namespace ts
