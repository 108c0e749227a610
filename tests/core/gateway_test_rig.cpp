#include "gateway_test_rig.h"

#include "engine/gateway_setup.h"
#include "providers/provider_profile.h"

#include <QtGlobal>

#include <csignal>

namespace ts::test {

std::shared_ptr<const GatewayConfig> parsedConfig(const char* json)
{
    auto parsed = parseGatewayConfig(json);
    if (!parsed.ok())
        qFatal("config: %s", parsed.errors.front().c_str());
    return std::make_shared<const GatewayConfig>(std::move(parsed.config));
}

RigOptions governedWithTwoUpstreams(const char* configJson)
{
    RigOptions o;
    o.config = parsedConfig(configJson);
    o.governed = true;
    o.secondOpenAI = true;
    return o;
}

namespace {

std::vector<ProviderProfile> profilesFor(const MockOpenAIServer& openai, const MockAnthropicServer& anthropic,
                                         const MockOpenAIServer* openaiB, const RigOptions& rig)
{
    ProviderProfile o;
    o.id = "openai";
    o.kind = "openai";
    o.baseUrl = rig.openaiBaseUrl.empty() ? openai.baseUrl() : rig.openaiBaseUrl;
    o.models = {"mock-usage", "mock-echo", "mock-tools", "mock-429", "mock-500", "mock-drip", "text-embedding-3-small"};
    if (rig.openaiIdleTimeout.count() > 0)
        o.idleTimeout = rig.openaiIdleTimeout;
    ProviderProfile a;
    a.id = "anthropic";
    a.kind = "anthropic";
    a.baseUrl = anthropic.baseUrl();
    a.models = {"claude-test", "claude-drip", "claude-rate-limited"};
    if (!openaiB)
        return {o, a};
    ProviderProfile b = o;
    b.id = "openai-b";
    b.baseUrl = openaiB->baseUrl();
    b.idleTimeout = ProviderProfile{}.idleTimeout;
    return {o, a, b};
}

} // namespace

GatewayRig::GatewayRig(std::shared_ptr<const GatewayConfig> config, bool requireKeys)
    : GatewayRig(RigOptions{.config = std::move(config), .requireKeys = requireKeys})
{
}

GatewayRig::GatewayRig(RigOptions rig)
{
    std::signal(SIGPIPE, SIG_IGN);
    openai.setApiKey(kOpenAIKey);
    if (rig.secondOpenAI) {
        openaiB = std::make_unique<MockOpenAIServer>();
        openaiB->setApiKey(kOpenAIKey);
    }
    const auto profiles = profilesFor(openai, anthropic, openaiB.get(), rig);
    const auto& config = rig.config;
    KeyLookup keys = [](const ProviderProfile& p) -> std::optional<std::string> {
        return p.kind == "openai" ? kOpenAIKey : kAnthropicKey;
    };
    auto registry = std::make_shared<ProviderRegistry>();
    for (const auto& p : profiles)
        registry->add(makeProvider(p, *keys(p)));
    pipeline = std::make_unique<Pipeline>(registry, [this](Trace t) {
        std::lock_guard lock(mutex_);
        traces_.push_back(std::move(t));
        arrived_.notify_all();
    }, rig.catalog);
    if (config && rig.governed)
        governor = applyGatewayConfig(*pipeline, config);
    else if (config)
        pipeline->setRouter(std::make_shared<PolicyRouter>(config, std::make_shared<LatencyTracker>()));
    serve::GatewayOptions options;
    options.config = config;
    options.profiles = profiles;
    options.keys = keys;
    options.requireKeys = rig.requireKeys;
    options.stopGrace = std::chrono::milliseconds(500);
    server = std::make_unique<serve::GatewayServer>(*pipeline, options);
    startError = server->start();
}

GatewayRig::~GatewayRig()
{
    net::closeThreadConnections(); // else the server waits for this thread's idle connection to time out
    server->stop();
}

std::string GatewayRig::base() const { return "http://127.0.0.1:" + std::to_string(server->port()); }

std::string GatewayRig::url(const std::string& path) const { return base() + path; }

net::HttpResponse GatewayRig::post(const std::string& path, const nlohmann::json& body, std::vector<Header> headers) const
{
    net::HttpRequest request;
    request.url = url(path);
    request.body = body.dump();
    request.headers = std::move(headers);
    request.headers.emplace_back("Content-Type", "application/json");
    return net::perform(request);
}

net::HttpResponse GatewayRig::get(const std::string& path, std::vector<Header> headers) const
{
    net::HttpRequest request;
    request.method = "GET";
    request.url = url(path);
    request.headers = std::move(headers);
    return net::perform(request);
}

std::vector<Trace> GatewayRig::traces(std::size_t count, std::chrono::milliseconds wait)
{
    std::unique_lock lock(mutex_);
    arrived_.wait_for(lock, wait, [&] { return traces_.size() >= count; });
    return traces_;
}

SseEvents splitSse(const std::string& body)
{
    SseEvents out;
    std::size_t pos = 0;
    while (pos < body.size()) {
        auto end = body.find("\n\n", pos);
        if (end == std::string::npos)
            end = body.size();
        const std::string block = body.substr(pos, end - pos);
        pos = end + 2;
        std::string name, data;
        std::size_t line = 0;
        while (line < block.size()) {
            auto nl = block.find('\n', line);
            if (nl == std::string::npos)
                nl = block.size();
            const std::string text = block.substr(line, nl - line);
            if (text.rfind("event: ", 0) == 0)
                name = text.substr(7);
            else if (text.rfind("data: ", 0) == 0)
                data = text.substr(6);
            line = nl + 1;
        }
        if (!data.empty()) {
            out.names.push_back(name);
            out.data.push_back(data);
        }
    }
    return out;
}

} // namespace ts::test
