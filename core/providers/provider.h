#pragma once
#include "model/cancel.h"
#include "model/clock.h"
#include "model/request.h"
#include "model/response.h"
#include "model/trace.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts {

struct ProviderError
{
    enum class Kind {
        None,
        Http,      // a non-2xx status; httpStatus, type/code/message from the body
        Stream,    // an error object inside a 200 stream
        Network,   // connect failure, reset, or the stream ended before it was complete
        Timeout,   // connect or idle timeout
        Cancelled, // the caller stopped it
        Config,    // unknown model, missing key, bad URL: nothing was sent
    };
    Kind kind = Kind::None;
    int httpStatus = 0;
    std::optional<std::int64_t> retryAfterMs; // from Retry-After / retry-after-ms
    std::string type;                         // provider's error type, e.g. rate_limit_exceeded
    std::string code;
    std::string message;

    explicit operator bool() const { return kind != Kind::None; }
    // Whether trying again (same or another deployment) may succeed.
    bool retryable() const;
};

std::string_view kindName(ProviderError::Kind kind);

// What a caller hears while a call streams. onText returns false to stop the stream.
struct CallContext
{
    Clock* clock = &systemClock();
    const CancelToken* cancel = nullptr;
    std::function<bool(std::string_view delta, Nanos at)> onText;
};

struct CallResult
{
    ChatResponse response; // what arrived, complete or not
    ProviderError error;
    Nanos startedAt = 0;
    std::optional<Nanos> firstChunkAt; // first content token
    Nanos finishedAt = 0;
    int chunkCount = 0;
    Exchange exchange; // the raw wire exchange (synthesised for the simulated provider)
    // Provider-specific facts for the span, e.g. Ollama's load and eval durations.
    Attributes attributes;

    bool ok() const { return !error; }
};

struct ModelListing
{
    std::string id;
    std::string description;
};

// A provider speaks one API. call() blocks on the caller's thread (the pipeline runs it on a
// worker) and streams through ctx.onText; it never throws for provider or network faults.
class Provider
{
public:
    virtual ~Provider() = default;
    virtual std::string id() const = 0;       // registry id: "simulated", "openai", ...
    virtual std::string otelName() const = 0; // gen_ai.provider.name
    virtual std::vector<ModelListing> models() const = 0;
    virtual bool simulated() const { return false; }
    virtual CallResult call(const ChatRequest& request, const CallContext& ctx) = 0;
};

class ProviderRegistry
{
public:
    void add(std::shared_ptr<Provider> provider);
    std::shared_ptr<Provider> find(std::string_view id) const;
    const std::vector<std::shared_ptr<Provider>>& all() const { return providers_; }

private:
    std::vector<std::shared_ptr<Provider>> providers_;
};

} // namespace ts
