#pragma once
#include "model/request.h"
#include "model/response.h"
#include "model/span.h"
#include "model/time.h"
#include "providers/error_category.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts {

// The pipeline's seams. Each stage records what it did on its span's attributes; the defaults
// below pass everything through, and later work (guards, caches) plugs in real ones.

// Puts back what an input guard took out (reversible redaction): the caller's answer gets the
// originals while the trace and the caches keep the placeholders.
class TextRestorer
{
public:
    virtual ~TextRestorer() = default;
    virtual std::string restore(std::string_view text) const = 0;
    // Streams: what can be shown now; a placeholder split across pieces waits in `pending`.
    virtual std::string restoreStream(std::string& pending, std::string_view piece, bool atEnd) const = 0;
};

struct GuardVerdict
{
    bool blocked = false;
    std::string reason;
    int findings = 0;
    std::shared_ptr<const TextRestorer> restorer; // input guards that redacted reversibly
    bool rewrote = false; // output guards: the answer was rewritten (the raw exchange must not keep it)
};

// Watches a streamed answer as it arrives, before the caller sees it. feed() returns the text
// that may be shown now (rewritten where the policy says; a tail that may still grow into a
// finding can be held back) and sets stop, with the reason, when the policy blocks.
class StreamWatch
{
public:
    virtual ~StreamWatch() = default;
    virtual std::string feed(std::string_view piece, bool& stop, std::string& reason) = 0;
    // complete: the answer ended as the model meant it (not cut by a failure or a cancel).
    virtual std::string finish(bool complete, bool& stop, std::string& reason) = 0;
};

class InputGuard
{
public:
    virtual ~InputGuard() = default;
    virtual std::string policyName() const = 0;
    // May rewrite the request (redaction); records its findings on the span.
    virtual GuardVerdict check(ChatRequest& request, Span& span) = 0;
};

class OutputGuard
{
public:
    virtual ~OutputGuard() = default;
    virtual std::string policyName() const = 0;
    virtual GuardVerdict check(const ChatRequest& request, ChatResponse& response, Span& span) = 0;
    // For streamed answers; null when this guard only judges the finished answer.
    virtual std::unique_ptr<StreamWatch> watch(const ChatRequest&) { return nullptr; }
};

// One piece of streamed text: its size and when it arrived, counted from the first piece.
struct TextDelta
{
    Nanos offset = 0;
    std::size_t bytes = 0;

    bool operator==(const TextDelta&) const = default;
};

// A whole answer as a cache keeps it: what the original call cost (what a hit saves) and how its
// text streamed, so a hit can be replayed as the stream it was.
struct CachedAnswer
{
    ChatResponse response;
    double costUsd = 0;            // 0 when the model has no price
    std::vector<TextDelta> deltas; // empty: it did not stream
    bool simulated = false;        // the simulated provider wrote it: a hit says so as the call did
    bool paced = false;            // from lookup: replay with the original pacing, else at once
};

class ResponseCache
{
public:
    virtual ~ResponseCache() = default;
    virtual std::string layerName() const = 0;
    virtual std::optional<CachedAnswer> lookup(const ChatRequest& request, Span& span) = 0;
    // Offered every answer that finished without error; records on the span whether it was kept.
    virtual void store(const ChatRequest& request, const CachedAnswer& answer, Span& span) = 0;
};

struct Deployment
{
    std::string provider;
    std::string model;
};

struct RoutePlan
{
    std::string name = "direct";
    std::vector<Deployment> deployments; // tried in order: the first is primary, the rest fallbacks
    int maxAttemptsPerDeployment = 2;    // the first try plus retries
    // Error categories that move on to the next deployment; empty: any retryable error does.
    std::vector<ErrorCategory> fallbackOn;
    std::optional<Deployment> contextFallback; // a larger-context model for a prompt too long
    std::string strategy = "direct";           // how the deployments were ordered
    std::string tier;                          // why a tier rule re-routed the request; "" if none
};

class Router
{
public:
    virtual ~Router() = default;
    virtual RoutePlan plan(const ChatRequest& request) const = 0;
};

// Sends each request to the provider and model it names.
class DirectRouter final : public Router
{
public:
    RoutePlan plan(const ChatRequest& request) const override;
};

} // namespace ts
