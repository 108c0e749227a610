#pragma once
#include "gateway/pipeline.h"
#include "serve/in_flight.h"
#include "serve/stream_threads.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ts::serve {

// Runs one streamed request's pipeline on a thread of `threads` and hands its text to the HTTP
// writer. The gateway decides the HTTP status only when the first text arrives or the run ends:
// a request refused (budget, rate limit, open circuit) or failed on every deployment before its
// first token is answered with its own status and Retry-After, as OpenAI and Anthropic answer a
// rate-limited stream, while fallbacks before the first token stay invisible to the client.
// The price: a client sees no headers until the first token (LiteLLM and Portkey do the same).
class StreamRelay : public std::enable_shared_from_this<StreamRelay>
{
public:
    // The run holds the relay until it ends, whoever else lets go of it first.
    static std::shared_ptr<StreamRelay> start(Pipeline& pipeline, ChatRequest request, InFlight& inFlight,
                                              StreamThreads& threads);
    StreamRelay(const StreamRelay&) = delete;
    StreamRelay& operator=(const StreamRelay&) = delete;

    // Blocks until the first text arrives (true) or the run ended without any (false).
    bool waitForFirstText();
    // Blocks for the next deltas, in order; false once the run ended and everything was taken.
    bool next(std::vector<std::string>& deltas);
    // The client went away: the run is cancelled and its text no longer kept.
    void abandon();
    // Valid once waitForFirstText() returned false or next() did.
    const PipelineResult& result() const { return result_; }

private:
    StreamRelay() = default;
    void run(Pipeline& pipeline, ChatRequest request, InFlight& inFlight);

    std::mutex mutex_; // guards the four below
    std::condition_variable changed_;
    std::vector<std::string> pending_;
    bool sawText_ = false;
    bool finished_ = false;
    bool abandoned_ = false;
    PipelineResult result_; // written once, before finished_ is set
    CancelToken cancel_;
};

} // namespace ts::serve
