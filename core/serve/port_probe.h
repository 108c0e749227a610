#pragma once
#include <string>

namespace ts::serve {

// Whether host:port is free to listen on, by binding a plain socket to it for a moment (no
// SO_REUSEPORT, so another gateway sharing the port through that option is still seen). Returns
// "" when free, else why not in words. Blocking but short: call on a worker.
std::string probeListenPort(const std::string& host, int port);

} // namespace ts::serve
