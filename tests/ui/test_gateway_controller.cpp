// The GUI's local gateway: started on a worker over the simulated provider, a real HTTP request
// through it becomes a trace in the workspace, the status-bar switch follows, stopping while a
// stream runs never blocks the event loop, and a taken port is reported in words.
#include "gateway/gateway_controller.h"
#include "gateway/gateway_switch.h"
#include "gateway/pipeline.h"
#include "net/http_client.h"
#include "providers/simulated.h"
#include "refused_port.h"
#include "trace/store.h"
#include "trace_fixtures.h"

#include <nlohmann/json.hpp>

#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent/QtConcurrent>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace ts;
using namespace ts::ui;

namespace {

constexpr int kWaitMs = 10'000;

// gpt-4o-mini answers at once; gpt-4o drips a long answer, so a stream is still running on stop.
std::shared_ptr<ProviderRegistry> simulatedOnly()
{
    SimulatedConfig config;
    config.jitter = 0;
    config.profiles["gpt-4o-mini"] = {5, 5000};
    config.profiles["gpt-4o"] = {5, 15};
    auto registry = std::make_shared<ProviderRegistry>();
    registry->add(std::make_shared<SimulatedProvider>(config));
    return registry;
}

std::string chatBody(const std::string& model, bool stream, int maxTokens)
{
    nlohmann::json body = {{"model", model}, {"max_tokens", maxTokens}, {"stream", stream},
                           {"messages", {{{"role", "user"}, {"content", "Say hello."}}}}};
    return body.dump();
}

std::int64_t gatewayTraces(TraceStore& store)
{
    TraceFilter filter;
    filter.terms.push_back({"source", "gateway", false});
    return store.reader()->count(filter);
}

} // namespace

class TestGatewayController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        dir_ = std::make_unique<QTemporaryDir>();
        store_ = uitest::openTempStore(*dir_);
        pipeline_ = std::make_shared<Pipeline>(simulatedOnly(), [store = store_](Trace t) { store->write(std::move(t)); });
    }

    void cleanup()
    {
        pipeline_.reset();
        store_.reset();
    }

    void requestBecomesATraceAndTheSwitchCountsIt()
    {
        GatewayController controller(setup());
        GatewaySwitch toggle(&controller);
        controller.setListenAddress(u"127.0.0.1:0"_s);
        QCOMPARE(toggle.text(), u"Gateway: off"_s);
        toggle.click(); // the switch starts it
        QCOMPARE(controller.state(), GatewayController::State::Starting);
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), GatewayController::State::On, kWaitMs);
        const QString base = controller.baseUrl();
        QVERIFY2(base.startsWith(u"http://127.0.0.1:"_s) && !base.endsWith(u":0"_s), qPrintable(base));
        QCOMPARE(toggle.text(), u"Gateway: on · "_s + base + u" · 0 requests"_s);

        net::HttpRequest request;
        request.url = base.toStdString() + "/v1/chat/completions";
        request.headers = {{"Content-Type", "application/json"}};
        request.body = chatBody("gpt-4o-mini", false, 16);
        auto reply = QtConcurrent::run([request] { return net::perform(request); });
        QTRY_VERIFY_WITH_TIMEOUT(reply.isFinished(), kWaitMs);
        QCOMPARE(reply.result().status, 200);
        QVERIFY(nlohmann::json::parse(reply.result().body).contains("choices"));

        QTRY_COMPARE_WITH_TIMEOUT(gatewayTraces(*store_), std::int64_t(1), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(toggle.text(), u"Gateway: on · "_s + base + u" · 1 request"_s, kWaitMs);

        toggle.click();
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), GatewayController::State::Off, kWaitMs);
        QCOMPARE(toggle.text(), u"Gateway: off"_s);
        QVERIFY(controller.baseUrl().isEmpty());
    }

    void stopWhileStreamingKeepsTheWindowResponsive()
    {
        GatewayController controller(setup());
        GatewaySwitch toggle(&controller);
        controller.setListenAddress(u"127.0.0.1:0"_s);
        controller.start();
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), GatewayController::State::On, kWaitMs);

        auto received = std::make_shared<std::atomic<int>>(0);
        auto body = std::make_shared<std::string>();
        net::HttpRequest request;
        request.url = controller.baseUrl().toStdString() + "/v1/chat/completions";
        request.headers = {{"Content-Type", "application/json"}};
        request.body = chatBody("gpt-4o", true, 2000); // 15 tokens a second: minutes long
        auto stream = QtConcurrent::run([request, received, body] {
            return net::perform(request, nullptr, {}, [received, body](std::string_view chunk) {
                body->append(chunk); // only this thread writes; read after the future finishes
                received->fetch_add(1);
                return true;
            });
        });
        QTRY_VERIFY_WITH_TIMEOUT(received->load() >= 2, kWaitMs);

        int ticks = 0;
        QTimer heartbeat;
        connect(&heartbeat, &QTimer::timeout, this, [&ticks] { ++ticks; });
        heartbeat.start(10);
        QElapsedTimer clock;
        clock.start();
        controller.stop();
        const auto stopCalledMs = clock.elapsed();
        QVERIFY2(stopCalledMs < 100, "stop() must not wait for the stream");
        QCOMPARE(controller.state(), GatewayController::State::Stopping);
        QCOMPARE(toggle.text(), u"Gateway: stopping…"_s);
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), GatewayController::State::Off, kWaitMs);
        // The grace period (300 ms) passed on the worker while the event loop kept turning.
        QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(ticks >= 10, qPrintable(u"event loop ticks during stop: "_s + QString::number(ticks)));
        QTRY_VERIFY_WITH_TIMEOUT(stream.isFinished(), kWaitMs);
        QVERIFY(!body->empty());
        QCOMPARE(toggle.text(), u"Gateway: off"_s);
    }

    void takenPortIsReportedInWords()
    {
        const ts::test::RefusedPort squatter; // bound by someone else
        const QString port = QString::number(squatter.port());
        GatewayController controller(setup());
        GatewaySwitch toggle(&controller);
        controller.setListenAddress(u"127.0.0.1:"_s + port);
        controller.start();
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), GatewayController::State::Off, kWaitMs);
        QVERIFY2(controller.error().contains(u"port "_s + port + u" is already in use"_s), qPrintable(controller.error()));
        QVERIFY(controller.error().contains(u"choose another listen address"_s));
        QCOMPARE(toggle.text(), u"Gateway: off · port "_s + port + u" is in use"_s);
        QCOMPARE(toggle.toolTip(), controller.error());
    }

    void offLoopbackWithoutKeysIsRefused()
    {
        GatewayController controller(setup());
        controller.setListenAddress(u"0.0.0.0:0"_s);
        controller.start();
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), GatewayController::State::Off, kWaitMs);
        QVERIFY2(controller.error().contains(u"without virtual keys"_s), qPrintable(controller.error()));
        QCOMPARE(controller.statusText(), u"Gateway: off · needs keys off loopback"_s);
    }

    void malformedAddressIsRefusedAtOnce()
    {
        GatewayController controller(setup());
        controller.setListenAddress(u"localhost"_s);
        controller.start();
        QCOMPARE(controller.state(), GatewayController::State::Off);
        QVERIFY(controller.error().contains(u"HOST:PORT"_s));
    }

private:
    GatewaySetup setup() const
    {
        GatewaySetup s;
        s.pipeline = pipeline_;
        s.store = store_;
        s.stopGrace = std::chrono::milliseconds(300);
        return s;
    }

    std::unique_ptr<QTemporaryDir> dir_;
    std::shared_ptr<TraceStore> store_;
    std::shared_ptr<Pipeline> pipeline_;
};

QTEST_MAIN(TestGatewayController)
#include "test_gateway_controller.moc"
