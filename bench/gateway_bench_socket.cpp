#include "gateway_bench_socket.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>

namespace ts::bench {

namespace {

sockaddr_in loopback(int port)
{
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

void noDelay(int fd)
{
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

bool equalsLower(std::string_view text, std::string_view lower)
{
    return text.size() == lower.size() &&
           std::equal(text.begin(), text.end(), lower.begin(),
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

} // namespace

int listenLoopback(int& port)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr = loopback(0);
    socklen_t len = sizeof addr;
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(fd, 512) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    port = ntohs(addr.sin_port);
    return fd;
}

int connectLoopback(int port)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const sockaddr_in addr = loopback(port);
    if (fd < 0 || connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    noDelay(fd);
    return fd;
}

int acceptFrom(int listenFd)
{
    const int fd = accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd >= 0)
        noDelay(fd);
    return fd;
}

bool writeAll(int fd, std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t n = send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

std::string headerIn(std::string_view head, std::string_view lowerName)
{
    std::size_t at = head.find("\r\n");
    while (at != std::string_view::npos && at + 2 < head.size()) {
        const std::size_t start = at + 2;
        const std::size_t end = head.find("\r\n", start);
        const std::string_view line = head.substr(start, end - start);
        const std::size_t colon = line.find(':');
        if (colon != std::string_view::npos && equalsLower(trim(line.substr(0, colon)), lowerName))
            return std::string(trim(line.substr(colon + 1)));
        at = end;
    }
    return {};
}

int statusIn(std::string_view head)
{
    int status = 0;
    if (head.size() > 12)
        std::from_chars(head.data() + 9, head.data() + 12, status);
    return status;
}

bool HttpReader::fill(const Progress& progress)
{
    char chunk[16384];
    ssize_t n;
    do {
        n = recv(fd_, chunk, sizeof chunk, 0);
    } while (n < 0 && errno == EINTR);
    if (n <= 0)
        return false;
    buf_.append(chunk, static_cast<std::size_t>(n));
    if (progress)
        progress(buf_);
    return true;
}

bool HttpReader::readHead(std::string& head, const Progress& progress)
{
    buf_.erase(0, pos_);
    pos_ = 0;
    std::size_t end;
    while ((end = buf_.find("\r\n\r\n")) == std::string::npos)
        if (!fill(progress))
            return false;
    head.assign(buf_, 0, end + 4);
    pos_ = end + 4;
    return true;
}

bool HttpReader::readExactly(std::size_t n, std::string& out, const Progress& progress)
{
    while (buf_.size() - pos_ < n)
        if (!fill(progress))
            return false;
    out.append(buf_, pos_, n);
    pos_ += n;
    return true;
}

bool HttpReader::readLine(std::string& line, const Progress& progress)
{
    std::size_t end;
    while ((end = buf_.find("\r\n", pos_)) == std::string::npos)
        if (!fill(progress))
            return false;
    line.assign(buf_, pos_, end - pos_);
    pos_ = end + 2;
    return true;
}

bool HttpReader::readChunked(std::string& body, const Progress& progress)
{
    std::string line;
    while (readLine(line, progress)) {
        std::size_t size = 0;
        std::from_chars(line.data(), line.data() + line.size(), size, 16);
        if (size == 0) // no trailers: the empty line ends the message
            return readLine(line, progress);
        std::string crlf;
        if (!readExactly(size, body, progress) || !readExactly(2, crlf, progress))
            return false;
    }
    return false;
}

bool HttpReader::readBody(std::string_view head, std::string& body, const Progress& progress)
{
    body.clear();
    if (equalsLower(headerIn(head, "transfer-encoding"), "chunked"))
        return readChunked(body, progress);
    const std::string length = headerIn(head, "content-length");
    std::size_t n = 0;
    std::from_chars(length.data(), length.data() + length.size(), n);
    return readExactly(n, body, progress);
}

} // namespace ts::bench
