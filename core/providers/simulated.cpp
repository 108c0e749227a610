#include "providers/simulated.h"

#include "catalog/catalog.h"
#include "providers/openai_wire.h"
#include "providers/sim_text.h"
#include "tokens/estimate.h"
#include "tokens/model_tokens.h"

#include <array>
#include <cmath>
#include <functional>
#include <random>

namespace ts {

namespace {

constexpr Nanos kPromptCacheTtl = Nanos{5 * 60} * kNsPerSec;
constexpr std::int64_t kMinCacheablePrompt = 1024;

enum class Fault { None, RateLimit, ServerError, StreamCut };

// A log-normal factor around 1 with the given relative spread.
double jitterFactor(std::mt19937_64& rng, double spread)
{
    std::lognormal_distribution<double> dist(0.0, spread);
    return dist(rng);
}

Fault pickFault(std::mt19937_64& rng, double errorRate)
{
    std::uniform_real_distribution<double> u(0.0, 1.0);
    if (u(rng) >= errorRate)
        return Fault::None;
    const double kind = u(rng);
    return kind < 0.5 ? Fault::RateLimit : kind < 0.75 ? Fault::ServerError : Fault::StreamCut;
}

bool wantsToolCall(const ChatRequest& request, std::mt19937_64& rng)
{
    if (request.tools.empty() || request.messages.empty())
        return false;
    int toolRounds = 0;
    for (const Message& m : request.messages)
        toolRounds += m.role == Role::Tool;
    const Role last = request.messages.back().role;
    return last == Role::User || (last == Role::Tool && toolRounds < 3 && rng() % 2 == 0);
}

std::string chunkJson(const std::string& model, const nlohmann::json& delta, const char* finish)
{
    nlohmann::json choice{{"index", 0}, {"delta", delta}, {"finish_reason", nullptr}};
    if (finish)
        choice["finish_reason"] = finish;
    return nlohmann::json{{"object", "chat.completion.chunk"}, {"model", model}, {"choices", {choice}}}.dump();
}

void setHttpError(CallResult& r, int status, const char* type, const char* message, std::int64_t retryAfterMs)
{
    r.error = ProviderError{ProviderError::Kind::Http, status, std::nullopt, type, type, message};
    r.exchange.httpStatus = status;
    if (retryAfterMs > 0) {
        r.error.retryAfterMs = retryAfterMs;
        r.exchange.responseHeaders.emplace_back("retry-after", std::to_string((retryAfterMs + 999) / 1000));
    }
    r.exchange.responseBody =
        nlohmann::json{{"error", {{"message", message}, {"type", type}, {"param", nullptr}, {"code", type}}}}.dump();
    r.response.finishReason = "error";
}

// The final usage chunk as OpenAI sends it (formats.md §1.3).
nlohmann::json usageJson(const Usage& u)
{
    return {{"prompt_tokens", u.inputTokens},
            {"completion_tokens", u.outputTokens},
            {"total_tokens", u.totalTokens()},
            {"prompt_tokens_details", {{"cached_tokens", u.cacheReadTokens}}},
            {"completion_tokens_details", {{"reasoning_tokens", u.reasoningTokens}}}};
}

std::uint64_t prefixHash(const ChatRequest& request)
{
    std::string prefix = request.model;
    for (const Message& m : request.messages) {
        if (m.role != Role::System)
            break;
        prefix += m.content;
    }
    return std::hash<std::string>{}(prefix);
}

std::int64_t systemTokens(const ChatRequest& request, const ModelTokenCounter& counter)
{
    std::vector<Message> system;
    for (const Message& m : request.messages)
        if (m.role == Role::System)
            system.push_back(m);
    return system.empty() ? 0 : counter.countChat(system).tokens;
}

} // namespace

SimulatedProvider::SimulatedProvider(SimulatedConfig config) : config_(std::move(config)) {}

std::vector<ModelListing> SimulatedProvider::models() const
{
    // The models people most often compare, as the catalog knows them (it holds hundreds).
    static constexpr std::array<std::string_view, 16> kImitated = {
        "gpt-4o-mini", "gpt-4o", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o4-mini", "gpt-3.5-turbo",
        "claude-sonnet-4", "claude-opus-4", "claude-3-5-haiku", "claude-haiku-4-5", "gemini-2.0-flash",
        "gemini-2.5-flash", "gemini-2.5-pro", "llama3.1:8b", "qwen2.5:7b"};
    std::vector<ModelListing> out;
    const auto catalog = Catalog::current();
    for (std::string_view id : kImitated)
        if (const ModelInfo* m = catalog->find(id))
            out.push_back({std::string(id), "simulated, priced as " + m->id + " (" + m->provider + ")"});
    return out;
}

SimulatedProfile SimulatedProvider::profileFor(const std::string& model) const
{
    if (auto it = config_.profiles.find(model); it != config_.profiles.end())
        return it->second;
    // Pricier models are slower: a rough but realistic shape.
    const auto catalog = Catalog::current(); // keeps the entry alive while it is read
    const ModelInfo* info = catalog->find(model);
    const double price = info && info->prices.output ? info->prices.output->basePerMTok : 2.0;
    return SimulatedProfile{250.0 + 40.0 * std::sqrt(price) * 4.0, 140.0 / (1.0 + std::sqrt(price) / 2.0)};
}

std::uint64_t SimulatedProvider::nextSeed(const ChatRequest& request)
{
    std::string key = request.model;
    for (const Message& m : request.messages)
        key += m.content;
    std::lock_guard lock(mutex_);
    return config_.seed ^ std::hash<std::string>{}(key) ^ (0x9E3779B97F4A7C15ull * ++calls_);
}

Usage SimulatedProvider::usageFor(const ChatRequest& request, std::int64_t outputTokens, Nanos now)
{
    Usage u;
    u.reported = true;
    // Counted as the real model would count them: exact for OpenAI models.
    const ModelTokenCounter counter = ModelTokenCounter::forModel(request.model);
    u.inputTokens = counter.countChat(request.messages, request.tools).tokens;
    u.outputTokens = outputTokens;
    const auto catalog = Catalog::current(); // keeps the entry alive while it is read
    const ModelInfo* info = catalog->find(request.model);
    const std::int64_t stable = systemTokens(request, counter);
    if (!info || !info->prices.cachedInput || u.inputTokens < kMinCacheablePrompt || stable < kMinCacheablePrompt)
        return u;
    std::lock_guard lock(mutex_);
    auto [it, fresh] = prefixSeen_.try_emplace(prefixHash(request), now);
    const bool hit = !fresh && now - it->second < kPromptCacheTtl;
    it->second = now;
    if (hit)
        u.cacheReadTokens = stable / 128 * 128; // OpenAI caches in 128-token steps
    else if (info->prices.cacheWrite5m)
        u.cacheWriteTokens = stable; // Anthropic bills the write
    return u;
}

CallResult SimulatedProvider::call(const ChatRequest& request, const CallContext& ctx)
{
    CallResult r;
    Clock& clock = *ctx.clock;
    r.startedAt = clock.now();
    r.exchange.url = "simulated://" + request.model + "/chat/completions";
    r.exchange.requestHeaders = {{"content-type", "application/json"}};
    r.exchange.requestBody = openai::requestJson(request).dump();
    r.response.model = request.model;
    if (request.model.empty() || request.messages.empty()) {
        r.error = {ProviderError::Kind::Config, 0, std::nullopt, "invalid_request", {},
                   request.model.empty() ? "no model given" : "no messages to send"};
        r.finishedAt = clock.now();
        return r;
    }
    std::mt19937_64 rng(nextSeed(request));
    r.response.id = "sim-" + std::to_string(rng() % 1'000'000'000'000ull);
    const SimulatedProfile profile = profileFor(request.model);
    const Fault fault = pickFault(rng, config_.errorRate);
    const double ttftMs = profile.ttftMs * jitterFactor(rng, config_.jitter);
    auto stopped = [&](Nanos at) {
        if (clock.sleepUntil(at, ctx.cancel))
            return false;
        r.error = {ProviderError::Kind::Cancelled, 0, std::nullopt, "cancelled", {}, "cancelled by the caller"};
        return true;
    };
    auto finish = [&] {
        r.finishedAt = clock.now();
        return r;
    };

    if (fault == Fault::RateLimit || fault == Fault::ServerError) {
        if (stopped(r.startedAt + static_cast<Nanos>(ttftMs * 0.3 * kNsPerMs)))
            return finish();
        if (fault == Fault::RateLimit)
            setHttpError(r, 429, "rate_limit_exceeded", "Rate limit reached for requests (simulated)",
                         1000 + static_cast<std::int64_t>(rng() % 2000));
        else
            setHttpError(r, 500, "server_error", "The server had an error while processing your request (simulated)", 0);
        return finish();
    }
    r.exchange.httpStatus = 200;
    r.exchange.responseHeaders = {{"content-type", "text/event-stream"}};

    Nanos t = r.startedAt + static_cast<Nanos>(ttftMs * kNsPerMs);
    if (stopped(t))
        return finish();
    r.exchange.chunks.push_back({t, chunkJson(request.model, {{"role", "assistant"}, {"content", ""}}, nullptr)});

    if (wantsToolCall(request, rng)) {
        ToolCall call = sim::toolCall(request.tools, request.messages, rng);
        r.firstChunkAt = t;
        r.chunkCount = 1;
        r.exchange.chunks.push_back(
            {t, chunkJson(request.model,
                          {{"tool_calls", {{{"index", 0}, {"id", call.id}, {"type", "function"},
                                            {"function", {{"name", call.name}, {"arguments", call.arguments}}}}}}},
                          nullptr)});
        r.response.toolCalls.push_back(call);
        r.response.finishReason = "tool_calls";
    } else {
        std::uniform_real_distribution<double> u(0.0, 1.0);
        const bool refuse = u(rng) < config_.refusalRate;
        const int cap = request.maxTokens.value_or(4096);
        const double mean = request.maxTokens ? 0.55 * *request.maxTokens : config_.defaultOutputTokens;
        const int target = std::max(3, static_cast<int>(mean * jitterFactor(rng, 0.45)));
        const std::string text = refuse ? sim::refusalText() : sim::replyText(request.messages, std::min(target, cap), rng);
        auto pieces = splitIntoTokenPieces(text);
        const bool truncated = static_cast<int>(pieces.size()) > cap;
        if (truncated)
            pieces.resize(static_cast<size_t>(cap));
        const size_t cutAt = fault == Fault::StreamCut ? pieces.size() / 2 : pieces.size() + 1;
        const double gapNs = kNsPerSec / profile.tokensPerSec;
        const size_t per = static_cast<size_t>(std::max(1, config_.tokensPerChunk));
        for (size_t i = 0; i < pieces.size(); i += per) {
            if (i >= cutAt) {
                r.error = {ProviderError::Kind::Network, 0, std::nullopt, "stream_cut", {},
                           "stream ended before [DONE] (simulated disconnect)"};
                r.response.finishReason = "error";
                return finish();
            }
            std::string delta;
            for (size_t k = i; k < std::min(pieces.size(), i + per); ++k)
                delta += pieces[k];
            if (i > 0)
                t += static_cast<Nanos>(gapNs * static_cast<double>(per) * jitterFactor(rng, config_.jitter));
            if (stopped(t))
                return finish();
            r.firstChunkAt = r.firstChunkAt.value_or(t);
            ++r.chunkCount;
            r.response.text += delta;
            r.exchange.chunks.push_back({t, chunkJson(request.model, {{"content", delta}}, nullptr)});
            if (ctx.onText && !ctx.onText(delta, t)) {
                r.error = {ProviderError::Kind::Cancelled, 0, std::nullopt, "cancelled", {}, "stopped by the user"};
                return finish();
            }
        }
        r.response.finishReason = truncated ? "length" : "stop";
    }
    const ModelTokenCounter counter = ModelTokenCounter::forModel(request.model);
    r.response.usage = usageFor(request, r.response.toolCalls.empty()
                                             ? counter.countText(r.response.text).tokens
                                             : counter.countText(r.response.toolCalls[0].arguments).tokens + 10,
                                t);
    r.exchange.chunks.push_back({t, chunkJson(request.model, nlohmann::json::object(), r.response.finishReason.c_str())});
    r.exchange.chunks.push_back(
        {t, nlohmann::json{{"choices", nlohmann::json::array()}, {"usage", usageJson(r.response.usage)}}.dump()});
    r.exchange.chunks.push_back({t, "[DONE]"});
    return finish();
}

} // namespace ts
