#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace ts::net {

struct SseEvent
{
    std::string event; // empty means "message"
    std::string data;  // data: lines joined with '\n'
    std::string id;
};

// Incremental Server-Sent Events parser (WHATWG rules: CR, LF or CRLF line ends, ':' comments,
// multiple data lines, an optional space after the colon, a UTF-8 BOM at the start). Feed it bytes as
// they arrive, split anywhere. The id persists from event to event, as the last event ID does.
class SseParser
{
public:
    using Sink = std::function<bool(const SseEvent&)>; // false stops parsing
    explicit SseParser(Sink sink) : sink_(std::move(sink)) {}

    bool feed(std::string_view bytes); // false once the sink said stop
    // End of stream. Per WHATWG an event without its closing blank line is discarded;
    // returns true if such an incomplete event was pending (the stream was cut).
    bool finish();
    bool pendingData() const { return !buffer_.empty() || hasData_; }

private:
    bool skipBom();
    bool line(std::string_view l);
    void field(std::string_view name, std::string_view value);
    bool dispatch();

    Sink sink_;
    std::string buffer_; // bytes of the line not yet ended
    SseEvent current_;
    bool hasData_ = false;
    bool lastWasCR_ = false; // the previous feed ended on CR: a leading LF belongs to it
    bool bomChecked_ = false;
    bool stopped_ = false;
};

} // namespace ts::net
