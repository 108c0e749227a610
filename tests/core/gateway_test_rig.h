#pragma once
#include "gateway/governor.h"
#include "gateway/latency_tracker.h"
#include "gateway/pipeline.h"
#include "gateway/policy_router.h"
#include "mock_anthropic_server.h"
#include "mock_openai_server.h"
#include "net/http_client.h"
#include "serve/gateway_server.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ts::test {

inline const std::string kOpenAIKey = "sk-upstream-openai-0123456789";
inline const std::string kAnthropicKey = "sk-ant-upstream-0123456789";

// What a rig is built with beyond the defaults.
struct RigOptions
{
    std::shared_ptr<const GatewayConfig> config;
    bool requireKeys = false;
    // The config put to work as `serve` does (applyGatewayConfig): breakers, rate limits, budgets.
    bool governed = false;
    // A second OpenAI upstream, provider "openai-b", for fallbacks from one upstream to another.
    bool secondOpenAI = false;
    std::chrono::milliseconds openaiIdleTimeout{0}; // provider "openai"'s; 0: the profile default
    std::string openaiBaseUrl;                      // provider "openai" elsewhere than the mock; "": the mock
    std::shared_ptr<const Catalog> catalog;          // the pipeline's prices; null: Catalog::current()
};

// A test's gateway config; a mistake in it stops the test program with the parser's message.
std::shared_ptr<const GatewayConfig> parsedConfig(const char* json);
// The policy tests' rig: `configJson` put to work as `serve` does, with a second OpenAI upstream.
RigOptions governedWithTwoUpstreams(const char* configJson);

// Mock OpenAI and Anthropic upstreams, a pipeline over them recording traces, and a gateway on a
// free loopback port in front of it.
class GatewayRig
{
public:
    explicit GatewayRig(std::shared_ptr<const GatewayConfig> config = nullptr, bool requireKeys = false);
    explicit GatewayRig(RigOptions options);
    ~GatewayRig();

    std::string url(const std::string& path) const; // http://127.0.0.1:PORT + path
    std::string base() const;                       // http://127.0.0.1:PORT

    net::HttpResponse post(const std::string& path, const nlohmann::json& body, std::vector<Header> headers = {}) const;
    net::HttpResponse get(const std::string& path, std::vector<Header> headers = {}) const;

    // The traces the sink got, once `count` have arrived (or after `wait`).
    std::vector<Trace> traces(std::size_t count = 1, std::chrono::milliseconds wait = std::chrono::seconds(10));

    MockOpenAIServer openai;
    MockAnthropicServer anthropic{kAnthropicKey};
    std::unique_ptr<MockOpenAIServer> openaiB; // with RigOptions::secondOpenAI
    std::unique_ptr<Pipeline> pipeline;
    std::shared_ptr<Governor> governor; // with RigOptions::governed
    std::unique_ptr<serve::GatewayServer> server;
    std::string startError;

private:
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<Trace> traces_;
};

// The `data:` payloads of an SSE body, and the event names (empty where a block had none).
struct SseEvents
{
    std::vector<std::string> names;
    std::vector<std::string> data;
};
SseEvents splitSse(const std::string& body);

} // namespace ts::test
