#pragma once
#include "model/cancel.h"
#include "model/time.h"

#include <atomic>

namespace ts {

// The pipeline and the simulated provider read time through a Clock, so the demo can run
// weeks of traffic on a virtual clock without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual Nanos now() const = 0;
    // Returns false if cancelled before t was reached.
    virtual bool sleepUntil(Nanos t, const CancelToken* cancel) = 0;
};

class SystemClock final : public Clock
{
public:
    Nanos now() const override;
    bool sleepUntil(Nanos t, const CancelToken* cancel) override;
};

class VirtualClock final : public Clock
{
public:
    explicit VirtualClock(Nanos start) : now_(start) {}
    Nanos now() const override { return now_.load(); }
    bool sleepUntil(Nanos t, const CancelToken* cancel) override;
    void advance(Nanos by) { now_ += by; }

private:
    std::atomic<Nanos> now_;
};

SystemClock& systemClock();

} // namespace ts
