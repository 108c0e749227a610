#pragma once

namespace ts {

// Makes the calling thread a background one: it runs when request-serving threads leave a core
// free. The trace writer commits in bursts (a 50 ms batch of SQLite inserts and compression); at
// normal priority a burst pre-empts the gateway's request threads on a small machine and shows up
// as their tail latency. Under sustained load the writer still runs (lower weight, not starved),
// and its bounded queue pushes back on writers if it ever falls behind. Best effort: a platform or
// policy that refuses leaves the thread as it was.
void becomeBackgroundThread();

} // namespace ts
