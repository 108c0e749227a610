#include "serve/in_flight.h"

namespace ts::serve {

InFlight::Ticket::Ticket(InFlight& owner, CancelToken& token) : owner_(owner), token_(token)
{
    std::lock_guard lock(owner_.mutex_);
    owner_.tokens_.insert(&token_);
    if (owner_.cancelling_)
        token_.cancel();
}

InFlight::Ticket::~Ticket()
{
    std::lock_guard lock(owner_.mutex_);
    owner_.tokens_.erase(&token_);
    if (owner_.tokens_.empty())
        owner_.idle_.notify_all();
}

bool InFlight::waitIdle(std::chrono::milliseconds grace)
{
    std::unique_lock lock(mutex_);
    return idle_.wait_for(lock, grace, [&] { return tokens_.empty(); });
}

void InFlight::cancelAll()
{
    std::lock_guard lock(mutex_);
    cancelling_ = true;
    for (CancelToken* token : tokens_)
        token->cancel();
}

} // namespace ts::serve
