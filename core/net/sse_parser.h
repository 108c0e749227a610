#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace ts::net {

struct SseEvent
{
    std::string event; // empty means "message"
    std::string data;  // data: lines joined with '\n'
    std::string id;
};

// Incremental Server-Sent Events parser (WHATWG rules: CR, LF or CRLF line ends, ':' comments,
// multiple data lines, an optional space after the colon). Feed it bytes as they arrive.
class SseParser
{
public:
    using Sink = std::function<bool(const SseEvent&)>; // false stops parsing
    explicit SseParser(Sink sink) : sink_(std::move(sink)) {}

    bool feed(std::string_view bytes); // false once the sink said stop
    // End of stream. Per WHATWG an event without its closing blank line is discarded;
    // returns true if such an incomplete event was pending (the stream was cut).
    bool finish();
    bool pendingData() const { return !buffer_.empty() || !current_.data.empty(); }

private:
    bool line(std::string_view l);
    Sink sink_;
    std::string buffer_;
    SseEvent current_;
    bool hasData_ = false;
    bool lastWasCR_ = false;
};

} // namespace ts::net
