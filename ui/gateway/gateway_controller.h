#pragma once
#include "gateway/gateway_config.h"
#include "gateway/listen_address.h"
#include "providers/provider_profile.h"

#include <QObject>
#include <QThreadPool>

#include <chrono>
#include <functional>
#include <memory>

namespace ts {
class Governor;
class Pipeline;
class TraceStore;
namespace serve {
class GatewayServer;
}
} // namespace ts

namespace ts::ui {

class GatewayRequestCounter;

// What the in-process gateway needs: the app's pipeline (its traces go to the open workspace),
// the store (to count the gateway's requests) and the providers' profiles for model resolution.
struct GatewaySetup
{
    std::shared_ptr<Pipeline> pipeline;
    std::shared_ptr<TraceStore> store; // may be null: no request count
    std::function<std::vector<ProviderProfile>()> profiles;
    KeyLookup keys;                    // upstream keys for /v1/embeddings
    std::chrono::milliseconds stopGrace{5000};
    bool requireKeys = false;
};

// The local gateway inside the GUI (issue #5): starts and stops a GatewayServer on a worker thread
// of its own, so neither ever blocks the GUI thread, and applies gateway configs to the pipeline
// (router + governor). Refusals and bind failures are kept in words in error().
class GatewayController : public QObject
{
    Q_OBJECT
public:
    enum class State { Off, Starting, On, Stopping };

    explicit GatewayController(GatewaySetup setup, QObject* parent = nullptr);
    ~GatewayController() override; // stops a running gateway (waits up to its grace period)

    void setListenAddress(const QString& text);
    QString listenText() const { return listenText_; }
    void start();
    void stop();
    void toggle();

    State state() const { return state_; }
    bool running() const { return state_ == State::On; }
    QString error() const { return error_; }       // why the last start failed; "" if it did not
    QString cacheError() const { return cacheError_; } // why the config's cache is off; "" if it is not
    QString baseUrl() const;                         // http://127.0.0.1:4141 while on; "" otherwise
    qint64 requests() const { return requests_; }    // traces the gateway recorded since it started
    QString statusText() const;                      // Gateway: on · http://127.0.0.1:4141 · 3 requests

    // Routes, tiers, breakers, limits and budgets go to work on the pipeline now (requests in
    // flight keep what they started with). A running gateway restarts when the route names or
    // keys changed, since it resolves models and checks keys with the config it started with.
    void apply(std::shared_ptr<const GatewayConfig> config);
    std::shared_ptr<const GatewayConfig> config() const { return config_; }
    std::shared_ptr<Governor> governor() const { return governor_; }

Q_SIGNALS:
    void stateChanged();
    void requestsChanged();
    void configApplied();

private:
    struct Started;
    void onStarted(const std::shared_ptr<Started>& started);
    void onStopped();
    void setState(State state);
    void setRequests(qint64 count);

    GatewaySetup setup_;
    QThreadPool worker_; // one thread: start and stop run in the order asked
    QString listenText_;
    ListenAddress listening_;
    State state_ = State::Off;
    QString error_;
    QString cacheError_;
    QString failure_; // the error in a few words
    int port_ = 0;
    qint64 requests_ = 0;
    bool stopWhenStarted_ = false;
    bool restartWhenStopped_ = false;
    std::shared_ptr<serve::GatewayServer> server_;
    std::shared_ptr<const GatewayConfig> config_;
    std::shared_ptr<const GatewayConfig> serving_; // the config the running server started with
    std::shared_ptr<Governor> governor_;
    GatewayRequestCounter* counter_ = nullptr;
};

} // namespace ts::ui
