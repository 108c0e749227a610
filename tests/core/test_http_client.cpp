#include "mock_openai_server.h"
#include "net/http_client.h"
#include "net/retry_after.h"
#include "qtest_std_string.h"
#include "refused_port.h"

#include <QtTest/QTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;
using ts::net::HttpRequest;
using ts::net::HttpResponse;
using ts::test::MockOpenAIServer;

namespace {

HttpRequest chatRequest(const std::string& baseUrl, const std::string& model, bool stream)
{
    HttpRequest request;
    request.url = baseUrl + "/chat/completions";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = nlohmann::json{{"model", model},
                                  {"messages", {{{"role", "user"}, {"content", "hi"}}}},
                                  {"stream", stream}}
                       .dump();
    return request;
}

std::chrono::milliseconds since(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private slots:
    void bodyWithoutSink()
    {
        MockOpenAIServer server;
        const HttpResponse r = ts::net::perform(chatRequest(server.baseUrl(), "mock-usage", false));
        QCOMPARE(r.failure, HttpResponse::Failure::None);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").starts_with("application/json"));
        QCOMPARE(r.header("x-request-id"), std::string("req_mock0123456789"));
        for (const auto& header : r.headers)
            QCOMPARE(QString::fromStdString(header.first), QString::fromStdString(header.first).toLower());
        QCOMPARE(nlohmann::json::parse(r.body).at("object").get<std::string>(), std::string("chat.completion"));
        QCOMPARE(server.lastRequest().header("content-type"), std::string("application/json"));
    }

    void headersOnceBeforeBody()
    {
        MockOpenAIServer server;
        std::string order;
        std::string body;
        int status = 0;
        const HttpResponse r = ts::net::perform(
            chatRequest(server.baseUrl(), "mock-split", true), nullptr,
            [&](int s, const std::vector<ts::Header>& headers) {
                order += 'H';
                status = s;
                QVERIFY(ts::net::headerValue(headers, "content-type").starts_with("text/event-stream"));
            },
            [&](std::string_view bytes) {
                order += 'D';
                body += bytes;
                return true;
            });
        QCOMPARE(r.failure, HttpResponse::Failure::None);
        QCOMPARE(status, 200);
        QVERIFY(order.size() > 2);
        QCOMPARE(order.front(), 'H');
        QCOMPARE(std::count(order.begin(), order.end(), 'H'), 1L);
        QVERIFY(body.ends_with("data: [DONE]\n\n"));
        QVERIFY(r.body.empty());
    }

    void errorStatusIsNoFailure()
    {
        MockOpenAIServer server;
        const HttpResponse r = ts::net::perform(chatRequest(server.baseUrl(), "mock-429", true));
        QCOMPARE(r.failure, HttpResponse::Failure::None);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.header("retry-after"), std::string("2"));
        QVERIFY(contains(r.body, "rate_limit_exceeded"));
    }

    void sinkStopsTransfer()
    {
        MockOpenAIServer server;
        int blocks = 0;
        const HttpResponse r = ts::net::perform(chatRequest(server.baseUrl(), "mock-drip", true), nullptr, {},
                                                [&](std::string_view) { return ++blocks > 1000; });
        QCOMPARE(r.failure, HttpResponse::Failure::Cancelled);
        QCOMPARE(blocks, 1);
        QCOMPARE(r.status, 200);
    }

    // The server sends nothing more, so only the poll loop can notice the cancel.
    void cancelWhileServerSilent()
    {
        MockOpenAIServer server;
        ts::CancelToken token;
        std::atomic<bool> gotData{false};
        std::chrono::steady_clock::time_point cancelledAt;
        std::thread canceller([&] {
            while (!gotData)
                std::this_thread::sleep_for(5ms);
            std::this_thread::sleep_for(150ms);
            cancelledAt = std::chrono::steady_clock::now();
            token.cancel();
        });
        const HttpResponse r = ts::net::perform(chatRequest(server.baseUrl(), "mock-stall", true), &token, {},
                                                [&](std::string_view) {
                                                    gotData = true;
                                                    return true;
                                                });
        canceller.join();
        QCOMPARE(r.failure, HttpResponse::Failure::Cancelled);
        QVERIFY2(since(cancelledAt) < 1000ms, "a stalled stream must end soon after the cancel");
        QVERIFY(contains(r.failureMessage, "127.0.0.1:" + std::to_string(server.port())));
    }

    void idleTimeout()
    {
        MockOpenAIServer server;
        HttpRequest request = chatRequest(server.baseUrl(), "mock-stall", true);
        request.idleTimeout = 1000ms;
        const auto start = std::chrono::steady_clock::now();
        const HttpResponse r = ts::net::perform(request, nullptr, {}, [](std::string_view) { return true; });
        QCOMPARE(r.failure, HttpResponse::Failure::Timeout);
        QVERIFY(since(start) >= 1000ms);
        QVERIFY2(since(start) < 10s, "the stall lasts a minute; the idle timeout must end it first");
        QVERIFY(contains(r.failureMessage, "127.0.0.1:" + std::to_string(server.port())));
        QVERIFY(contains(r.failureMessage, "nothing received for 1000 ms"));
    }

    void totalTimeout()
    {
        MockOpenAIServer server;
        server.setDripDelay(50ms);
        HttpRequest request = chatRequest(server.baseUrl(), "mock-drip", true);
        request.totalTimeout = 300ms;
        const HttpResponse r = ts::net::perform(request, nullptr, {}, [](std::string_view) { return true; });
        QCOMPARE(r.failure, HttpResponse::Failure::Timeout);
    }

    void connectRefused()
    {
        ts::test::RefusedPort refused;
        const std::string host = "127.0.0.1:" + std::to_string(refused.port());
        const HttpResponse r = ts::net::perform(chatRequest("http://" + host + "/v1", "mock-usage", true));
        QCOMPARE(r.failure, HttpResponse::Failure::Connect);
        QCOMPARE(r.status, 0);
        QVERIFY2(contains(r.failureMessage, "cannot connect to " + host), r.failureMessage.c_str());
    }

    void disconnectMidBody()
    {
        MockOpenAIServer server;
        std::string body;
        const HttpResponse r = ts::net::perform(chatRequest(server.baseUrl(), "mock-disconnect", true), nullptr, {},
                                                [&](std::string_view bytes) {
                                                    body += bytes;
                                                    return true;
                                                });
        QCOMPARE(r.failure, HttpResponse::Failure::Reset);
        QCOMPARE(r.status, 200);
        QVERIFY(contains(body, R"("content":" world")"));
        QVERIFY(!contains(body, "[DONE]"));
    }

    void retryAfter_data()
    {
        QTest::addColumn<QString>("retryAfterMs");
        QTest::addColumn<QString>("retryAfter");
        QTest::addColumn<qint64>("expected"); // -1: none
        QTest::newRow("nothing") << QString() << QString() << qint64(-1);
        QTest::newRow("seconds") << QString() << QStringLiteral("2") << qint64(2000);
        QTest::newRow("fractional seconds") << QString() << QStringLiteral("1.5") << qint64(1500);
        QTest::newRow("milliseconds") << QStringLiteral("250") << QString() << qint64(250);
        QTest::newRow("milliseconds first") << QStringLiteral("1500") << QStringLiteral("20") << qint64(1500);
        QTest::newRow("HTTP-date") << QString() << QStringLiteral("Wed, 21 Oct 2015 07:28:13 GMT") << qint64(3000);
        QTest::newRow("HTTP-date passed") << QString() << QStringLiteral("Wed, 21 Oct 2015 07:28:00 GMT")
                                          << qint64(0);
        QTest::newRow("garbage") << QString() << QStringLiteral("soon") << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-5") << QStringLiteral("-1") << qint64(-1);
        QTest::newRow("bad ms, good seconds") << QStringLiteral("x") << QStringLiteral("3") << qint64(3000);
    }

    void retryAfter()
    {
        QFETCH(QString, retryAfterMs);
        QFETCH(QString, retryAfter);
        QFETCH(qint64, expected);
        HttpResponse response;
        if (!retryAfterMs.isNull())
            response.headers.emplace_back("retry-after-ms", retryAfterMs.toStdString());
        if (!retryAfter.isNull())
            response.headers.emplace_back("retry-after", retryAfter.toStdString());
        constexpr ts::Nanos now = 1445412490LL * ts::kNsPerSec; // Wed, 21 Oct 2015 07:28:10 GMT
        const auto ms = ts::net::retryAfterMs(response, now);
        QCOMPARE(ms.value_or(-1), static_cast<std::int64_t>(expected));
    }
};

QTEST_APPLESS_MAIN(TestHttpClient)
#include "test_http_client.moc"
