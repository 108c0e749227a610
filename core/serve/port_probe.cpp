#include "serve/port_probe.h"

#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ts::serve {

std::string probeListenPort(const std::string& host, int port)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || !found)
        return host + " is not an address of this machine";
    std::string problem;
    const int sock = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
    if (sock >= 0) {
        const int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes)); // a closed gateway's TIME_WAIT is no conflict
        if (bind(sock, found->ai_addr, found->ai_addrlen) != 0)
            problem = errno == EADDRINUSE       ? "port " + std::to_string(port) + " is already in use"
                      : errno == EADDRNOTAVAIL ? host + " is not an address of this machine"
                      : errno == EACCES        ? "port " + std::to_string(port) + " needs special rights (use 1024 or above)"
                                               : std::string("cannot bind: ") + std::strerror(errno);
        close(sock);
    }
    freeaddrinfo(found);
    return problem;
}

} // namespace ts::serve
