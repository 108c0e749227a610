#pragma once
#include "gateway/stages.h"
#include "model/time.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace ts {

// The stream between the model and the caller when guards are on. The output guard's watch sees
// the model's text first (it may rewrite, hold back or stop it), then reversible redaction puts
// the originals back for the caller. Until armed it passes everything through unchanged.
class GuardedStream
{
public:
    using OnText = std::function<bool(std::string_view, Nanos)>;

    explicit GuardedStream(OnText downstream) : downstream_(std::move(downstream)) {}

    void arm(std::unique_ptr<StreamWatch> watch, std::shared_ptr<const TextRestorer> restorer);
    // False stops the stream: the caller stopped, or the watch blocked (see stoppedByGuard).
    bool piece(std::string_view text, Nanos at);
    // Sends what was held back; call once the answer has ended (complete: as the model meant it).
    bool finish(Nanos at, bool complete);

    bool stoppedByGuard() const { return stopped_; }
    const std::string& reason() const { return reason_; }

private:
    bool pass(std::string_view text, Nanos at, bool atEnd);

    OnText downstream_;
    std::unique_ptr<StreamWatch> watch_;
    std::shared_ptr<const TextRestorer> restorer_;
    std::string pending_; // a placeholder still arriving
    bool stopped_ = false;
    std::string reason_;
};

} // namespace ts
