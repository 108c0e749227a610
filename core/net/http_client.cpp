#include "net/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <memory>
#include <mutex>

namespace ts::net {

std::string headerValue(const std::vector<Header>& headers, std::string_view lowerName)
{
    for (const auto& [name, value] : headers)
        if (name == lowerName)
            return value;
    return {};
}

std::string HttpResponse::header(std::string_view lowerName) const { return headerValue(headers, lowerName); }

namespace {

// The poll slice bounds how late a cancel or an idle timeout is noticed when no byte is flowing.
constexpr int kPollMs = 50;

struct EasyDeleter
{
    void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct MultiDeleter
{
    void operator()(CURLM* multi) const { curl_multi_cleanup(multi); }
};
struct ListDeleter
{
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using EasyPtr = std::unique_ptr<CURL, EasyDeleter>;
using MultiPtr = std::unique_ptr<CURLM, MultiDeleter>;
using ListPtr = std::unique_ptr<curl_slist, ListDeleter>;

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// A thread's libcurl handles, kept between requests. The multi handle holds the connection cache,
// so the next request to the same host reuses the keep-alive connection instead of a new TCP (and
// TLS) handshake each time.
struct Handles
{
    MultiPtr multi;
    EasyPtr easy;
    bool busy = false;
};

// Lends the thread's handles for one transfer, or fresh ones when they are already lent (a sink
// that makes a request of its own). Gives them back reset, holding no pointer into the finished call.
class Lease
{
public:
    Lease() : cached_(threadHandles())
    {
        Handles& h = cached_.busy ? own_ : cached_;
        if (!h.multi)
            h.multi.reset(curl_multi_init());
        if (!h.easy)
            h.easy.reset(curl_easy_init());
        h.busy = true;
        handles_ = &h;
    }
    ~Lease()
    {
        if (handles_->easy)
            curl_easy_reset(handles_->easy.get());
        handles_->busy = false;
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    bool ready() const { return handles_->multi && handles_->easy; }
    CURL* easy() const { return handles_->easy.get(); }
    CURLM* multi() const { return handles_->multi.get(); }

    static Handles& threadHandles()
    {
        thread_local Handles handles;
        return handles;
    }

private:
    Handles& cached_;
    Handles own_;
    Handles* handles_ = nullptr;
};

struct Transfer
{
    const HeaderSink& onHeaders;
    const DataSink& onData;
    HttpResponse response;
    bool headersDelivered = false;
    bool sinkStopped = false;
    std::chrono::steady_clock::time_point lastByte = std::chrono::steady_clock::now();
};

std::string_view trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string lowerAscii(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

int statusOf(std::string_view statusLine)
{
    const auto space = statusLine.find(' ');
    int status = 0;
    if (space != std::string_view::npos)
        std::from_chars(statusLine.data() + space + 1, statusLine.data() + statusLine.size(), status);
    return status;
}

size_t onHeaderLine(char* data, size_t size, size_t count, void* user)
{
    auto& t = *static_cast<Transfer*>(user);
    t.lastByte = std::chrono::steady_clock::now();
    const std::string_view line = trim({data, size * count});
    // A new status line (after 100 Continue or a proxy's CONNECT reply) starts a new header block.
    if (line.starts_with("HTTP/")) {
        t.response.status = statusOf(line);
        t.response.headers.clear();
    } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
        t.response.headers.emplace_back(lowerAscii(trim(line.substr(0, colon))),
                                        std::string(trim(line.substr(colon + 1))));
    }
    return size * count;
}

void deliverHeaders(Transfer& t)
{
    if (t.headersDelivered || t.response.status == 0)
        return;
    t.headersDelivered = true;
    if (t.onHeaders)
        t.onHeaders(t.response.status, t.response.headers);
}

size_t onBody(char* data, size_t size, size_t count, void* user)
{
    auto& t = *static_cast<Transfer*>(user);
    const size_t n = size * count;
    t.lastByte = std::chrono::steady_clock::now();
    deliverHeaders(t);
    if (!t.onData) {
        t.response.body.append(data, n);
        return n;
    }
    if (t.onData(std::string_view(data, n)))
        return n;
    t.sinkStopped = true;
    return 0;
}

ListPtr headerList(const HttpRequest& request)
{
    curl_slist* list = nullptr;
    for (const auto& [name, value] : request.headers)
        list = curl_slist_append(list, (name + ": " + value).c_str());
    // Without this curl waits for a 100 Continue before sending large bodies.
    list = curl_slist_append(list, "Expect:");
    return ListPtr(list);
}

void setMethod(CURL* easy, const HttpRequest& request)
{
    if (request.method == "GET") {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
        return;
    }
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.c_str());
    if (request.method != "POST")
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
}

void setTimeouts(CURL* easy, const HttpRequest& request)
{
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connectTimeout.count()));
    if (request.totalTimeout.count() > 0)
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(request.totalTimeout.count()));
}

void configure(CURL* easy, const HttpRequest& request, curl_slist* headers, Transfer& t, char* errorBuffer)
{
    curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &onHeaderLine);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &t);
    if (!request.proxy.empty())
        curl_easy_setopt(easy, CURLOPT_PROXY, request.proxy.c_str());
    setMethod(easy, request);
    setTimeouts(easy, request);
}

enum class Stop { None, Cancelled, Idle };

// The idle timeout is watched here rather than with CURLOPT_LOW_SPEED_*: libcurl averages speed over
// a five-second window, so a stall right after a burst of chunks would be noticed seconds late.
Stop stopReason(const Transfer& t, const HttpRequest& request, const CancelToken* cancel)
{
    if (cancel && cancel->cancelled())
        return Stop::Cancelled;
    const bool idle = request.idleTimeout.count() > 0 &&
                      std::chrono::steady_clock::now() - t.lastByte > request.idleTimeout;
    return idle ? Stop::Idle : Stop::None;
}

// Drives the transfer through a multi handle so a cancel or an idle stream is seen within one poll
// slice even while the server is silent.
Stop run(const Lease& lease, const Transfer& t, const HttpRequest& request, const CancelToken* cancel,
         CURLcode& result)
{
    CURLM* multi = lease.multi();
    CURL* easy = lease.easy();
    curl_multi_add_handle(multi, easy);
    int running = 1;
    Stop stop = Stop::None;
    while (running && stop == Stop::None) {
        if (curl_multi_perform(multi, &running) != CURLM_OK)
            break;
        if (running) {
            curl_multi_poll(multi, nullptr, 0, kPollMs, nullptr);
            stop = stopReason(t, request, cancel);
        }
    }
    int left = 0;
    result = CURLE_FAILED_INIT; // replaced by the transfer's own result once it completed
    while (CURLMsg* msg = curl_multi_info_read(multi, &left))
        if (msg->msg == CURLMSG_DONE)
            result = msg->data.result;
    curl_multi_remove_handle(multi, easy); // the connection goes back to the multi's cache
    return stop;
}

HttpResponse::Failure failureOf(CURLcode code, bool sinkStopped)
{
    switch (code) {
    case CURLE_OK:
        return HttpResponse::Failure::None;
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
        return HttpResponse::Failure::Connect;
    case CURLE_OPERATION_TIMEDOUT:
        return HttpResponse::Failure::Timeout;
    case CURLE_ABORTED_BY_CALLBACK:
        return HttpResponse::Failure::Cancelled;
    case CURLE_WRITE_ERROR:
        return sinkStopped ? HttpResponse::Failure::Cancelled : HttpResponse::Failure::Other;
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return HttpResponse::Failure::Reset;
    default:
        return HttpResponse::Failure::Other;
    }
}

std::string hostOf(std::string_view url)
{
    const auto scheme = url.find("://");
    const auto start = scheme == std::string_view::npos ? 0 : scheme + 3;
    std::string_view host = url.substr(start, url.find_first_of("/?#", start) - start);
    if (const auto at = host.rfind('@'); at != std::string_view::npos)
        host.remove_prefix(at + 1);
    return std::string(host);
}

std::string describe(HttpResponse::Failure failure, const std::string& host, std::string_view detail)
{
    std::string text;
    switch (failure) {
    case HttpResponse::Failure::Connect: text = "cannot connect to " + host; break;
    case HttpResponse::Failure::Timeout: text = host + " timed out"; break;
    case HttpResponse::Failure::Cancelled: text = "request to " + host + " was cancelled"; break;
    case HttpResponse::Failure::Reset: text = "connection to " + host + " was cut"; break;
    case HttpResponse::Failure::Other: text = "request to " + host + " failed"; break;
    case HttpResponse::Failure::None: return {};
    }
    return detail.empty() ? text : text + ": " + std::string(detail);
}

void setFailure(HttpResponse& response, HttpResponse::Failure failure, const HttpRequest& request,
                std::string_view detail)
{
    response.failure = failure;
    response.failureMessage = describe(failure, hostOf(request.url), detail);
}

void recordOutcome(Transfer& t, const HttpRequest& request, Stop stop, CURLcode code, const char* errorBuffer)
{
    if (stop == Stop::Cancelled)
        return setFailure(t.response, HttpResponse::Failure::Cancelled, request, {});
    if (stop == Stop::Idle)
        return setFailure(t.response, HttpResponse::Failure::Timeout, request,
                          "nothing received for " + std::to_string(request.idleTimeout.count()) + " ms");
    if (code == CURLE_OK)
        return;
    // A sink that said stop is the caller's choice; libcurl's "write error" would only mislead.
    const std::string_view detail = errorBuffer[0] ? errorBuffer : curl_easy_strerror(code);
    setFailure(t.response, failureOf(code, t.sinkStopped), request, t.sinkStopped ? "" : detail);
}

} // namespace

HttpResponse perform(const HttpRequest& request, const CancelToken* cancel, const HeaderSink& onHeaders,
                     const DataSink& onData)
{
    globalInit();
    Transfer t{onHeaders, onData, {}};
    char errorBuffer[CURL_ERROR_SIZE] = {};
    const ListPtr headers = headerList(request);
    const Lease lease; // after the buffers above, so it is reset before they go
    if (!lease.ready()) {
        setFailure(t.response, HttpResponse::Failure::Other, request, "libcurl could not start");
        return t.response;
    }
    configure(lease.easy(), request, headers.get(), t, errorBuffer);

    CURLcode code = CURLE_OK;
    const Stop stop = run(lease, t, request, cancel, code);
    deliverHeaders(t);
    recordOutcome(t, request, stop, code, errorBuffer);
    return t.response;
}

void closeThreadConnections()
{
    Handles& h = Lease::threadHandles();
    if (h.busy)
        return; // a transfer on this thread is using them; they close with the thread
    h.easy.reset();
    h.multi.reset();
}

} // namespace ts::net
