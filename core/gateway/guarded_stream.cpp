#include "gateway/guarded_stream.h"

namespace ts {

void GuardedStream::arm(std::unique_ptr<StreamWatch> watch, std::shared_ptr<const TextRestorer> restorer)
{
    watch_ = std::move(watch);
    restorer_ = std::move(restorer);
}

bool GuardedStream::pass(std::string_view text, Nanos at, bool atEnd)
{
    if (!restorer_)
        return text.empty() || downstream_(text, at);
    const std::string shown = restorer_->restoreStream(pending_, text, atEnd);
    return shown.empty() || downstream_(shown, at);
}

bool GuardedStream::piece(std::string_view text, Nanos at)
{
    if (stopped_)
        return false;
    if (!watch_)
        return pass(text, at, false);
    const std::string ready = watch_->feed(text, stopped_, reason_);
    const bool more = pass(ready, at, false);
    return more && !stopped_;
}

bool GuardedStream::finish(Nanos at, bool complete)
{
    std::string ready;
    if (watch_ && !stopped_)
        ready = watch_->finish(complete, stopped_, reason_);
    // What the watch let through before a block still reaches the caller, placeholders restored.
    return pass(ready, at, true) && !stopped_;
}

} // namespace ts
