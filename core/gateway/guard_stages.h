#pragma once
#include "gateway/stages.h"
#include "guard/guard_engine.h"

#include <memory>
#include <string>

namespace ts {

// The pipeline's guard stages run under a guard policy (core/guard): input guards scan every
// message before the request leaves or is stored and rewrite it; output guards judge the answer,
// watching a stream as it arrives. What they found goes on their spans (guard/guard_record.h).
class PolicyInputGuard : public InputGuard
{
public:
    explicit PolicyInputGuard(std::shared_ptr<const guard::CompiledPolicy> policy)
        : policy_(std::move(policy))
    {
    }
    std::string policyName() const override;
    GuardVerdict check(ChatRequest& request, Span& span) override;

private:
    std::shared_ptr<const guard::CompiledPolicy> policy_;
};

class PolicyOutputGuard : public OutputGuard
{
public:
    explicit PolicyOutputGuard(std::shared_ptr<const guard::CompiledPolicy> policy)
        : policy_(std::move(policy))
    {
    }
    std::string policyName() const override;
    GuardVerdict check(const ChatRequest& request, ChatResponse& response, Span& span) override;
    std::unique_ptr<StreamWatch> watch(const ChatRequest& request) override;

private:
    std::shared_ptr<const guard::CompiledPolicy> policy_;
};

// The answer's context for output checks: the request's system prompt and response schema.
guard::OutputContext outputContext(const guard::CompiledPolicy& policy, const ChatRequest& request);

} // namespace ts
