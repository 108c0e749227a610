#include "serve/gateway_server.h"

#include "serve/chat_endpoint.h"
#include "serve/embeddings_endpoint.h"
#include "serve/gateway_context.h"
#include "serve/otlp_endpoint.h"
#include "serve/port_probe.h"

#include <thread>

namespace ts::serve {

struct GatewayServer::Impl
{
    Impl(Pipeline& pipeline, GatewayOptions opts)
        : options(std::move(opts)),
          config(options.config ? options.config : std::make_shared<const GatewayConfig>()),
          resolver(pipeline, options.config, options.profiles),
          embeddings(options.profiles, options.keys),
          ctx{pipeline, *config, options.requireKeys || !isLoopbackHost(options.host), resolver, inFlight, streamThreads}
    {
    }

    void routes();

    GatewayOptions options;
    std::shared_ptr<const GatewayConfig> config;
    CurrentResolver resolver;
    EmbeddingsEndpoint embeddings;
    InFlight inFlight;
    StreamThreads streamThreads; // after inFlight: its jobs hold tickets, so it goes first
    GatewayContext ctx;
    httplib::Server http;
    std::thread thread;
    int port = 0;
    bool stopped = false;
};

void GatewayServer::Impl::routes()
{
    http.Post("/v1/chat/completions", [this](const httplib::Request& req, httplib::Response& res) {
        handleChat(ctx, Dialect::OpenAI, req, res);
    });
    http.Post("/v1/messages", [this](const httplib::Request& req, httplib::Response& res) {
        handleChat(ctx, Dialect::Anthropic, req, res);
    });
    http.Get("/v1/models", [this](const httplib::Request& req, httplib::Response& res) {
        if (admit(ctx, Dialect::OpenAI, req, res))
            res.set_content(resolver.get()->modelsJson(), "application/json");
    });
    http.Post("/v1/embeddings", [this](const httplib::Request& req, httplib::Response& res) {
        if (!admit(ctx, Dialect::OpenAI, req, res))
            return;
        CancelToken cancel;
        InFlight::Ticket ticket(inFlight, cancel);
        auto answer = embeddings.handle(req.body, &cancel);
        if (auto* error = std::get_if<GatewayError>(&answer))
            return sendError(Dialect::OpenAI, *error, res);
        res.set_content(std::get<std::string>(answer), "application/json");
    });
    http.Post("/v1/traces", [this](const httplib::Request& req, httplib::Response& res) {
        if (admit(ctx, Dialect::OpenAI, req, res))
            receiveOtlp(ctx.pipeline.sink(), req, res);
    });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        sendError(Dialect::OpenAI, {GatewayError::Kind::Upstream, "The gateway failed on this request.", {}, {}, std::nullopt}, res);
        res.status = 500;
    });
}

GatewayServer::GatewayServer(Pipeline& pipeline, GatewayOptions options)
    : impl_(std::make_unique<Impl>(pipeline, std::move(options)))
{
}

GatewayServer::~GatewayServer() { stop(); }

std::string GatewayServer::start()
{
    Impl& d = *impl_;
    if (auto refusal = startRefusal(d.options.host, *d.config); !refusal.empty())
        return refusal;
    if (d.ctx.keysRequired && d.config->keys.empty())
        return "refusing to start: keys are required but the gateway config has none";
    // cpp-httplib binds with SO_REUSEPORT, so a second gateway on a taken port would silently share
    // it; a plain bind first tells the user the port is taken.
    if (d.options.port != 0)
        if (auto taken = probeListenPort(d.options.host, d.options.port); !taken.empty())
            return "cannot listen on " + d.options.host + ":" + std::to_string(d.options.port) + ": " + taken;
    d.routes();
    const auto threads = static_cast<std::size_t>(std::max(1, d.options.threads));
    d.http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    d.http.set_payload_max_length(d.options.maxBodyBytes);
    d.http.set_tcp_nodelay(true);
    d.http.set_keep_alive_timeout(2);
    // httplib closes a keep-alive connection after 5 requests by default; clients would reconnect.
    d.http.set_keep_alive_max_count(1000);
    if (d.options.port == 0)
        d.port = d.http.bind_to_any_port(d.options.host);
    else if (d.http.bind_to_port(d.options.host, d.options.port))
        d.port = d.options.port;
    if (d.port <= 0)
        return "cannot listen on " + d.options.host + ":" + std::to_string(d.options.port) +
               " (the address is in use or not this machine's)";
    d.thread = std::thread([&d] { d.http.listen_after_bind(); });
    return {};
}

int GatewayServer::port() const { return impl_->port; }

const std::string& GatewayServer::host() const { return impl_->options.host; }

void GatewayServer::stop()
{
    Impl& d = *impl_;
    if (d.stopped || !d.thread.joinable())
        return;
    d.stopped = true;
    d.http.stop();
    if (!d.inFlight.waitIdle(d.options.stopGrace))
        d.inFlight.cancelAll();
    d.thread.join();
}

} // namespace ts::serve
