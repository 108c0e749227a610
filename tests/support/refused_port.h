#pragma once

namespace ts::test {

// A loopback port bound but never listening: connecting to it is refused at once, and no other
// process can take it while this lives.
class RefusedPort
{
public:
    RefusedPort();
    ~RefusedPort();
    RefusedPort(const RefusedPort&) = delete;
    RefusedPort& operator=(const RefusedPort&) = delete;

    int port() const { return port_; }

private:
    int fd_ = -1;
    int port_ = 0;
};

} // namespace ts::test
