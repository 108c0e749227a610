#pragma once
#include <atomic>
#include <memory>

namespace ts {

// A flag shared between whoever starts work and the work itself; loops and streams check it.
class CancelToken
{
public:
    void cancel() { flag_.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return flag_.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> flag_{false};
};

using CancelTokenPtr = std::shared_ptr<CancelToken>;

} // namespace ts
