#pragma once
#include <functional>
#include <map>
#include <mutex>

namespace ts {

// Change listeners, callable from several threads. Once remove() returns, the listener is not
// running and never runs again, so an owner may unsubscribe in its destructor. A listener may
// remove itself; it must not block on the thread that notifies.
class ListenerSet
{
  public:
    using Listener = std::function<void()>;

    int add(Listener listener);
    void remove(int id);
    void notify();

  private:
    std::recursive_mutex mutex_; // held while notifying, so remove() waits for a running call
    std::map<int, Listener> listeners_;
    int nextId_ = 1;
};

} // namespace ts
