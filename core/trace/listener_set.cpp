#include "trace/listener_set.h"

namespace ts {

int ListenerSet::add(Listener listener)
{
    std::lock_guard lock(mutex_);
    listeners_.emplace(nextId_, std::move(listener));
    return nextId_++;
}

void ListenerSet::remove(int id)
{
    std::lock_guard lock(mutex_);
    listeners_.erase(id);
}

void ListenerSet::notify()
{
    std::lock_guard lock(mutex_);
    const auto snapshot = listeners_; // a listener may subscribe or unsubscribe while called
    for (const auto& [id, listener] : snapshot) {
        if (!listeners_.count(id))
            continue;
        try {
            listener();
        } catch (...) {
            // A listener's failure is its own; it must not stop the writer or the watcher thread.
        }
    }
}

} // namespace ts
