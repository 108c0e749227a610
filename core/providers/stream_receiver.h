#pragma once
#include "net/http_client.h"
#include "net/sse_parser.h"
#include "providers/provider.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace ts {

// Receives one reply to a chat request into a CallResult: records status, headers and body, hands a
// stream's bytes to the provider's framer, and names what went wrong. A provider's receiver derives
// from this and keeps only its own event handling.
class StreamReceiver
{
  public:
    StreamReceiver(bool streamRequested, const CallContext& ctx, CallResult& result);
    virtual ~StreamReceiver() = default;
    StreamReceiver(const StreamReceiver&) = delete;
    StreamReceiver& operator=(const StreamReceiver&) = delete;

    void onHeaders(int status, const std::vector<Header>& headers);
    bool onData(std::string_view bytes); // false stops the transfer
    void finish(const net::HttpResponse& http);

  protected:
    virtual void readHeaders(const std::vector<Header>& /*headers*/) {}
    virtual bool feed(std::string_view bytes) = 0; // the stream's framer; false stops the transfer
    virtual ProviderError statusError(int status, std::string_view body) const = 0;
    virtual std::string_view endMarker() const = 0; // what a complete stream ends with, for the message
    virtual bool complete() const { return done_; }
    virtual void finishStream(const net::HttpResponse& /*http*/) {} // before collecting a stream
    virtual void finishBody(const nlohmann::json& body) = 0;        // a whole, non-streamed reply
    // The same reply read without a DOM where a receiver knows its usual shape; false: finishBody.
    virtual bool finishText(std::string_view /*body*/) { return false; }
    virtual void collect() = 0;                                     // the assembled response into result_

    // Counts a delta, stamps the first answer and passes its text on; false when the user stopped.
    bool deliver(bool content, bool answer, const std::string& text);
    // The whole body as one chunk, arrived when the call finished.
    void deliverWhole(const std::string& text);
    void record(std::string data);
    // Records one framed piece and parses it; not an object (and a Stream error) when it is not one.
    nlohmann::json recordObject(std::string data, std::string_view what);
    void countThinking(const std::string& thinking); // never the answer, but its size belongs on the span
    void addAttributes(Attributes attributes);
    void fail(ProviderError::Kind kind, std::string message);
    bool streaming() const { return stream_; }
    bool userStopped() const { return userStopped_; }

    const CallContext& ctx_;
    CallResult& result_;
    bool done_ = false; // the stream's end marker arrived

  private:
    void finishParsed();

    bool streamRequested_;
    bool stream_ = false;
    bool userStopped_ = false;
    Nanos blockAt_ = 0; // arrival of the block being framed
};

// A receiver whose stream is Server-Sent Events.
class SseReceiver : public StreamReceiver
{
  public:
    SseReceiver(bool streamRequested, const CallContext& ctx, CallResult& result);

  protected:
    virtual bool onEvent(const net::SseEvent& event) = 0;
    bool feed(std::string_view bytes) override { return parser_.feed(bytes); }

  private:
    net::SseParser parser_;
};

} // namespace ts
