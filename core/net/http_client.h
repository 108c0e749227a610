#pragma once
#include "model/cancel.h"
#include "model/trace.h"

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ts::net {

struct HttpRequest
{
    std::string method = "POST";
    std::string url;
    std::vector<Header> headers;
    std::string body;
    std::string proxy; // empty: libcurl's default (honours http_proxy env)
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds idleTimeout{60'000}; // no byte received for this long
    std::chrono::milliseconds totalTimeout{0};     // 0: none
};

struct HttpResponse
{
    int status = 0; // 0: no response
    std::vector<Header> headers; // names lower-cased
    std::string body;            // only when no onData sink took it
    enum class Failure { None, Connect, Timeout, Cancelled, Reset, Other } failure = Failure::None;
    std::string failureMessage;

    std::string header(std::string_view lowerName) const;
};

// The first header of that lower-case name, or "".
std::string headerValue(const std::vector<Header>& headers, std::string_view lowerName);

// Called with each block of the body as it arrives; return false to stop the transfer.
using DataSink = std::function<bool(std::string_view)>;
// Called once the status line and headers are in, before any body byte.
using HeaderSink = std::function<void(int status, const std::vector<Header>& headers)>;

// Blocking libcurl transfer on the calling thread; cancellable through the token within ~100 ms.
// Each thread keeps its libcurl handles, so keep-alive connections to a host are reused across calls.
HttpResponse perform(const HttpRequest& request, const CancelToken* cancel = nullptr,
                     const HeaderSink& onHeaders = {}, const DataSink& onData = {});

// Closes the calling thread's kept connections (a server about to stop would otherwise wait for
// them to time out); the next perform() on this thread opens new ones.
void closeThreadConnections();

} // namespace ts::net
