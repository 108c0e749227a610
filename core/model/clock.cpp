#include "model/clock.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace ts {

Nanos wallNowNs()
{
    using namespace std::chrono;
    return duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
}

Nanos SystemClock::now() const { return wallNowNs(); }

bool SystemClock::sleepUntil(Nanos t, const CancelToken* cancel)
{
    // Sleep in short slices so a cancel is honoured within 10 ms.
    constexpr Nanos slice = 10 * kNsPerMs;
    for (Nanos left = t - now(); left > 0; left = t - now()) {
        if (cancel && cancel->cancelled())
            return false;
        std::this_thread::sleep_for(std::chrono::nanoseconds(std::min(left, slice)));
    }
    return !(cancel && cancel->cancelled());
}

bool VirtualClock::sleepUntil(Nanos t, const CancelToken* cancel)
{
    Nanos cur = now_.load();
    while (cur < t && !now_.compare_exchange_weak(cur, t)) {
    }
    return !(cancel && cancel->cancelled());
}

SystemClock& systemClock()
{
    static SystemClock clock;
    return clock;
}

} // namespace ts
