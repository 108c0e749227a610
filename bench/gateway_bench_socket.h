#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace ts::bench {

// Loopback TCP for the bench's own client and upstream: blocking sockets with TCP_NODELAY.
int listenLoopback(int& port);  // a listening socket on 127.0.0.1 and an ephemeral port; -1 on failure
int connectLoopback(int port);  // -1 on failure
int acceptFrom(int listenFd);   // -1 once the listening socket is shut down
bool writeAll(int fd, std::string_view bytes);

// One side of a keep-alive HTTP/1.1 connection: reads a message head, then its body by
// Content-Length or chunked encoding. Bytes past the message stay buffered for the next one.
class HttpReader
{
public:
    explicit HttpReader(int fd) : fd_(fd) {}

    // Called after every read from the socket with all of the message received so far.
    using Progress = std::function<void(std::string_view received)>;

    // The head up to and including the blank line; false on EOF or error.
    bool readHead(std::string& head, const Progress& progress = {});
    // The body the head announces (Content-Length, chunked, or none).
    bool readBody(std::string_view head, std::string& body, const Progress& progress = {});

private:
    bool fill(const Progress& progress);
    bool readExactly(std::size_t n, std::string& out, const Progress& progress);
    bool readLine(std::string& line, const Progress& progress);
    bool readChunked(std::string& body, const Progress& progress);

    int fd_;
    std::string buf_;
    std::size_t pos_ = 0; // consumed part of buf_
};

// Lower-case header lookup in a message head ("" when absent).
std::string headerIn(std::string_view head, std::string_view lowerName);
int statusIn(std::string_view head); // the status code of a response head, 0 if unreadable

} // namespace ts::bench
