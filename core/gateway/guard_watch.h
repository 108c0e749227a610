#pragma once
#include "gateway/stages.h"
#include "guard/guard_engine.h"

#include <memory>
#include <string>

namespace ts {

// An output policy applied to a stream as it arrives. The whole answer so far is re-judged every
// so often (more rarely as it grows, so the total work stays a bounded multiple of its length),
// and only judged text is shown. When the policy judges stretches of text (personal data,
// secrets, banned words, leaks) a tail is also held back until it cannot still grow into one, so
// neither a rewritten nor a blocked stretch is ever shown raw: a block stops the stream with what
// came before it. The price is the first kHoldBack bytes' worth of time to first token.
class PolicyStreamWatch : public StreamWatch
{
public:
    PolicyStreamWatch(std::shared_ptr<const guard::CompiledPolicy> policy, guard::OutputContext context);
    std::string feed(std::string_view piece, bool& stop, std::string& reason) override;
    std::string finish(bool complete, bool& stop, std::string& reason) override;

    static constexpr std::size_t kHoldBack =
        160; // longest finding a rewrite may need whole (an IBAN, a card, a key)

private:
    std::string release(bool atEnd, bool complete, bool& stop, std::string& reason);

    std::shared_ptr<const guard::CompiledPolicy> policy_;
    guard::OutputContext context_;
    bool holdBack_ = false;    // the policy judges stretches of text: hold a tail back
    std::string text_;         // the answer so far, as the model wrote it
    std::size_t shown_ = 0;    // bytes of text_ already released
    std::size_t judgedAt_ = 0; // text_ size at the last judgement
};

} // namespace ts
