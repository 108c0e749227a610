#include "trace/background_thread.h"

#if defined(__linux__)
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace ts {

void becomeBackgroundThread()
{
#if defined(__linux__)
    // SCHED_BATCH: the scheduler stops letting this thread pre-empt others on wake-up; nice 10
    // gives it about a tenth of a normal thread's share when both want the core. On Linux both
    // apply to the calling thread only (0 and gettid() name it).
    sched_param none{};
    sched_setscheduler(0, SCHED_BATCH, &none);
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
#endif
}

} // namespace ts
