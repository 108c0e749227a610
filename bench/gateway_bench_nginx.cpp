#include "gateway_bench_nginx.h"

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

namespace ts::bench {

namespace {

constexpr const char* kNginx = "/usr/sbin/nginx";

std::string config(const std::string& dir, int listenPort, int upstreamPort)
{
    return "daemon off;\nmaster_process on;\nworker_processes 2;\npid " + dir + "/nginx.pid;\n"
           "error_log " + dir + "/error.log crit;\n"
           "events { worker_connections 1024; }\n"
           "http {\n  access_log off;\n  client_body_temp_path " + dir + ";\n  proxy_temp_path " + dir + ";\n"
           "  upstream bench { server 127.0.0.1:" + std::to_string(upstreamPort) + "; keepalive 128; }\n"
           "  server {\n    listen 127.0.0.1:" + std::to_string(listenPort) + ";\n"
           "    keepalive_requests 1000000;\n"
           "    location / { proxy_pass http://bench; proxy_http_version 1.1; proxy_set_header Connection \"\";\n"
           "                 proxy_buffering off; }\n  }\n}\n";
}

int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool accepts(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

} // namespace

std::unique_ptr<NginxReference> NginxReference::start(int upstreamPort, std::string& why)
{
    if (!std::filesystem::exists(kNginx)) {
        why = "nginx is not installed (apt-get install nginx-light)";
        return nullptr;
    }
    std::unique_ptr<NginxReference> ref(new NginxReference);
    ref->dir_ = std::filesystem::temp_directory_path() / ("gateway_bench_nginx_" + std::to_string(getpid()));
    std::filesystem::create_directories(ref->dir_);
    ref->port_ = freeLoopbackPort();
    std::ofstream(ref->dir_ + "/nginx.conf") << config(ref->dir_, ref->port_, upstreamPort);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::execl(kNginx, kNginx, "-q", "-p", ref->dir_.c_str(), "-c", (ref->dir_ + "/nginx.conf").c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ref->pid_ = pid;
    for (int i = 0; i < 100; ++i) {
        if (accepts(ref->port_))
            return ref;
        if (::waitpid(pid, nullptr, WNOHANG) == pid) {
            ref->pid_ = -1;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    why = "nginx did not start; see " + ref->dir_ + "/error.log";
    return nullptr;
}

NginxReference::~NginxReference()
{
    if (pid_ > 0) {
        ::kill(pid_, SIGQUIT);
        ::waitpid(pid_, nullptr, 0);
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

} // namespace ts::bench
