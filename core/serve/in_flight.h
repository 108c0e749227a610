#pragma once
#include "model/cancel.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <unordered_set>

namespace ts::serve {

// The requests a gateway is running, so stopping it can wait for them and then cancel the rest.
class InFlight
{
public:
    class Ticket
    {
    public:
        Ticket(InFlight& owner, CancelToken& token);
        ~Ticket();
        Ticket(const Ticket&) = delete;
        Ticket& operator=(const Ticket&) = delete;

    private:
        InFlight& owner_;
        CancelToken& token_;
    };

    // True once none are running; false when `grace` ran out first.
    bool waitIdle(std::chrono::milliseconds grace);
    void cancelAll();

private:
    std::mutex mutex_;
    std::condition_variable idle_;
    std::unordered_set<CancelToken*> tokens_;
    bool cancelling_ = false; // tokens registered after cancelAll() start cancelled
};

} // namespace ts::serve
