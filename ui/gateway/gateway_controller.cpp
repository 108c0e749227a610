#include "gateway/gateway_controller.h"

#include "gateway/budget_seed.h"
#include "engine/gateway_setup.h"
#include "gateway/governor.h"
#include "gateway/pipeline.h"
#include "gateway/request_counter.h"
#include "providers/embedder_factory.h"
#include "serve/gateway_server.h"

#include <QtConcurrent/QtConcurrent>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

std::vector<std::string> routeNames(const GatewayConfig* config)
{
    std::vector<std::string> names;
    if (config)
        for (const RouteConfig& r : config->routes)
            names.push_back(r.name);
    return names;
}

std::vector<std::pair<std::string, std::string>> keyIdentities(const GatewayConfig* config)
{
    std::vector<std::pair<std::string, std::string>> keys;
    if (config)
        for (const VirtualKey& k : config->keys)
            keys.emplace_back(k.name + "\n" + k.project, k.secret);
    return keys;
}

// The server resolves route names and checks keys with the config it started with.
bool needsRestart(const GatewayConfig* serving, const GatewayConfig* next)
{
    return routeNames(serving) != routeNames(next) || keyIdentities(serving) != keyIdentities(next);
}

std::shared_ptr<const GatewayConfig> withoutCache(const std::shared_ptr<const GatewayConfig>& config)
{
    auto copy = std::make_shared<GatewayConfig>(*config);
    copy->exactCache.enabled = false;
    copy->semanticCache.enabled = false;
    return copy;
}

// A start failure in words the user can act on.
QString explainStartFailure(const std::string& why, const ListenAddress& address)
{
    QString text = QString::fromStdString(why);
    if (why.rfind("cannot listen", 0) == 0)
        text += u". Another program (perhaps tokenscope-cli serve) may be using port "_s + QString::number(address.port) +
                u": stop it, or choose another listen address in Settings › Routing."_s;
    else if (why.rfind("refusing", 0) == 0)
        text += u'.';
    return text;
}

// The reason in a few words, for the status bar.
QString shortFailure(const std::string& why, const ListenAddress& address)
{
    if (why.find("already in use") != std::string::npos || why.find("address is in use") != std::string::npos)
        return u"port "_s + QString::number(address.port) + u" is in use"_s;
    if (why.find("without virtual keys") != std::string::npos || why.find("keys are required") != std::string::npos)
        return u"needs keys off loopback"_s;
    if (why.find("not an address") != std::string::npos)
        return address.host + u" is not this machine's"_s;
    return u"could not start"_s;
}

} // namespace

// What the worker hands back: the pipeline outlives the server built on it.
struct GatewayController::Started
{
    std::shared_ptr<Pipeline> pipeline;
    std::shared_ptr<serve::GatewayServer> server;
    std::string refusal;
    int port = 0;
};

GatewayController::GatewayController(GatewaySetup setup, QObject* parent)
    : QObject(parent), setup_(std::move(setup)), listenText_(defaultListenText()),
      listening_(parseListenAddress(listenText_))
{
    worker_.setMaxThreadCount(1);
    worker_.setExpiryTimeout(-1);
    if (setup_.store) {
        counter_ = new GatewayRequestCounter(setup_.store, this);
        connect(counter_, &GatewayRequestCounter::counted, this, &GatewayController::setRequests);
    }
}

GatewayController::~GatewayController()
{
    if (auto server = std::move(server_))
        worker_.start([server] { server->stop(); });
    worker_.waitForDone();
}

void GatewayController::setListenAddress(const QString& text) { listenText_ = text.trimmed(); }

void GatewayController::toggle()
{
    if (state_ == State::Off)
        start();
    else
        stop();
}

void GatewayController::start()
{
    if (state_ != State::Off)
        return;
    const ListenAddress address = parseListenAddress(listenText_);
    if (!address.ok()) {
        error_ = u"The listen address '"_s + listenText_ + u"' is not usable: "_s + address.error + u'.';
        failure_ = u"bad listen address"_s;
        Q_EMIT stateChanged();
        return;
    }
    listening_ = address;
    error_.clear();
    stopWhenStarted_ = false;
    serve::GatewayOptions options;
    options.host = address.host.toStdString();
    options.port = address.port;
    options.config = config_;
    options.profiles = setup_.profiles ? setup_.profiles() : std::vector<ProviderProfile>{};
    options.keys = setup_.keys;
    options.requireKeys = setup_.requireKeys;
    options.stopGrace = setup_.stopGrace;
    serving_ = config_;
    setState(State::Starting);
    QtConcurrent::run(&worker_, [pipeline = setup_.pipeline, options] {
        auto started = std::make_shared<Started>();
        started->pipeline = pipeline;
        started->server = std::make_shared<serve::GatewayServer>(*pipeline, options);
        started->refusal = started->server->start();
        if (started->refusal.empty())
            started->port = started->server->port();
        else
            started->server.reset();
        return started;
    }).then(this, [this](const std::shared_ptr<Started>& started) { onStarted(started); });
}

void GatewayController::onStarted(const std::shared_ptr<Started>& started)
{
    if (!started->refusal.empty()) {
        error_ = explainStartFailure(started->refusal, listening_);
        failure_ = shortFailure(started->refusal, listening_);
        setState(State::Off);
        return;
    }
    server_ = started->server;
    port_ = started->port;
    if (counter_)
        counter_->startCounting(wallNowNs());
    setState(State::On);
    // Asked to stop while binding, or a config with other routes or keys arrived meanwhile.
    if (std::exchange(stopWhenStarted_, false)) {
        stop();
    } else if (needsRestart(serving_.get(), config_.get())) {
        restartWhenStopped_ = true;
        stop();
    }
}

void GatewayController::stop()
{
    if (state_ == State::Starting) {
        stopWhenStarted_ = true; // the worker is binding; stop as soon as it has
        return;
    }
    if (state_ != State::On)
        return;
    setState(State::Stopping);
    // Running requests finish (up to the grace period) on the worker; the GUI keeps going.
    QtConcurrent::run(&worker_, [server = std::move(server_)] { server->stop(); }).then(this, [this] { onStopped(); });
}

void GatewayController::onStopped()
{
    port_ = 0;
    if (counter_)
        counter_->stopCounting();
    setState(State::Off);
    if (std::exchange(restartWhenStopped_, false))
        start();
}

void GatewayController::apply(std::shared_ptr<const GatewayConfig> config)
{
    config_ = std::move(config);
    // Building an embedder reads no network: it only configures a client.
    const EmbedderLookup embedders = [profiles = setup_.profiles ? setup_.profiles() : std::vector<ProviderProfile>{},
                                      keys = setup_.keys](const std::string& provider, const std::string& model) {
        return makeEmbedder(profiles, keys, provider, model);
    };
    try {
        governor_ = applyGatewayConfig(*setup_.pipeline, config_, setup_.store ? setup_.store->path() : std::string(),
                                       embedders);
        cacheError_.clear();
    } catch (const std::exception& e) { // the workspace, or the semantic cache's embedder
        // Routing and limits still apply without it; the rest of the config is in force.
        governor_ = applyGatewayConfig(*setup_.pipeline, withoutCache(config_));
        cacheError_ = u"The response cache is off: "_s + QString::fromStdString(e.what());
    }
    if (governor_ && setup_.store) // budgets start from this period's spending, read off the GUI thread
        (void)QtConcurrent::run([governor = governor_, budgets = config_->budgets, store = setup_.store] {
            try {
                seedBudgets(governor->ledger(), budgets, *store->reader(), wallNowNs());
            } catch (const std::exception&) {
                // an unreadable workspace: the budgets start from $0, as on a fresh workspace
            }
        });
    Q_EMIT configApplied();
    if (state_ == State::On && needsRestart(serving_.get(), config_.get())) {
        restartWhenStopped_ = true;
        stop();
    }
}

QString GatewayController::baseUrl() const
{
    return state_ == State::On || state_ == State::Stopping ? listening_.baseUrl(port_) : QString();
}

QString GatewayController::statusText() const
{
    switch (state_) {
    case State::Starting: return u"Gateway: starting…"_s;
    case State::Stopping: return u"Gateway: stopping…"_s;
    case State::On:
        return u"Gateway: on · "_s + baseUrl() + u" · "_s + QString::number(requests_) +
               (requests_ == 1 ? u" request"_s : u" requests"_s);
    case State::Off: break;
    }
    return error_.isEmpty() ? u"Gateway: off"_s : u"Gateway: off · "_s + failure_;
}

void GatewayController::setState(State state)
{
    state_ = state;
    Q_EMIT stateChanged();
}

void GatewayController::setRequests(qint64 count)
{
    if (count == requests_)
        return;
    requests_ = count;
    Q_EMIT requestsChanged();
}

} // namespace ts::ui
