// The gateway's policies over real HTTP, a config applied as `serve` applies it: fallbacks from one
// OpenAI upstream to another on 429, 500 and a timeout, a stream that fails after its first tokens,
// budget refusals, and the request headers that become trace attributes.
#include "gateway_test_rig.h"
#include "mock_openai_scenarios.h"
#include "model/attributes.h"
#include "qtest_std_string.h"

#include <QtTest/QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using nlohmann::json;
using ts::test::GatewayRig;
using ts::test::RigOptions;
namespace mock = ts::test::mock;

namespace {

// A loopback port that listens but never accepts: a client connects and sends its request, then
// hears nothing, so its idle timeout fires.
class SilentPort
{
public:
    SilentPort()
    {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0 || ::listen(fd_, 16) != 0 ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
            qFatal("cannot open a silent loopback port");
        port_ = ntohs(addr.sin_port);
    }
    ~SilentPort() { ::close(fd_); }
    SilentPort(const SilentPort&) = delete;
    SilentPort& operator=(const SilentPort&) = delete;
    std::string baseUrl() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }

private:
    int fd_ = -1;
    int port_ = 0;
};

// Upstream A is provider "openai" (its scenario named by the model), upstream B "openai-b".
const char* const kConfig = R"({
  "routes": [
    {"name": "fb-429", "deployments": [{"provider": "openai", "model": "mock-429"}, {"provider": "openai-b", "model": "mock-usage"}]},
    {"name": "fb-500", "deployments": [{"provider": "openai", "model": "mock-500"}, {"provider": "openai-b", "model": "mock-usage"}]},
    {"name": "fb-timeout", "attempts": 1,
     "deployments": [{"provider": "openai", "model": "mock-usage"}, {"provider": "openai-b", "model": "mock-usage"}]},
    {"name": "all-500", "deployments": [{"provider": "openai", "model": "mock-500"}, {"provider": "openai-b", "model": "mock-500"}]},
    {"name": "cut", "deployments": [{"provider": "openai", "model": "mock-disconnect"}, {"provider": "openai-b", "model": "mock-usage"}]},
    {"name": "priced", "deployments": [{"provider": "openai", "model": "gpt-4o-mini"}]}
  ],
  "budgets": [{"scope": "user", "name": "pauper", "period": "day", "usd": 0.00001}]
})";

RigOptions options()
{
    RigOptions o = ts::test::governedWithTwoUpstreams(kConfig);
    o.openaiIdleTimeout = std::chrono::milliseconds(300);
    return o;
}

json chatBody(const std::string& model, bool stream = false)
{
    json body = {{"model", model}, {"max_tokens", 300},
                 {"messages", {{{"role", "system"}, {"content", "Be brief."}}, {{"role", "user"}, {"content", "Say hello."}}}}};
    if (stream)
        body["stream"] = true;
    return body;
}

// The text of a chat completion, streamed or not.
std::string textOf(const ts::net::HttpResponse& r)
{
    if (r.header("content-type").starts_with("application/json"))
        return json::parse(r.body)["choices"][0]["message"]["content"].get<std::string>();
    std::string text;
    for (const std::string& data : ts::test::splitSse(r.body).data)
        if (data != "[DONE]")
            if (const json chunk = json::parse(data); chunk.contains("choices") && !chunk["choices"].empty())
                text += chunk["choices"][0]["delta"].value("content", "");
    return text;
}

std::vector<const ts::Span*> calls(const ts::Trace& t)
{
    std::vector<const ts::Span*> out;
    for (const ts::Span& s : t.spans)
        if (s.attrString(ts::attr::kStage) == "llm.call")
            out.push_back(&s);
    return out;
}

const ts::Span* routeSpan(const ts::Trace& t)
{
    for (const ts::Span& s : t.spans)
        if (s.attrString(ts::attr::kStage) == "route")
            return &s;
    return nullptr;
}

} // namespace

class TestGatewayPolicies : public QObject
{
    Q_OBJECT

private slots:
    void upstreamFailuresFallBackToAnotherUpstream_data()
    {
        QTest::addColumn<std::string>("route");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<int>("callsToA");
        QTest::addColumn<std::string>("categoryFromA");
        QTest::addColumn<bool>("silentA"); // A's address listens and never answers
        QTest::newRow("429") << std::string("fb-429") << false << 1 << std::string("rate_limited") << false;
        QTest::newRow("429 streaming") << std::string("fb-429") << true << 1 << std::string("rate_limited") << false;
        QTest::newRow("500, retried once") << std::string("fb-500") << false << 2 << std::string("server") << false;
        QTest::newRow("500 streaming") << std::string("fb-500") << true << 2 << std::string("server") << false;
        QTest::newRow("timeout") << std::string("fb-timeout") << false << 1 << std::string("timeout") << true;
        QTest::newRow("timeout streaming") << std::string("fb-timeout") << true << 1 << std::string("timeout") << true;
    }

    void upstreamFailuresFallBackToAnotherUpstream()
    {
        QFETCH(std::string, route);
        QFETCH(bool, stream);
        QFETCH(int, callsToA);
        QFETCH(std::string, categoryFromA);
        QFETCH(bool, silentA);
        SilentPort silent;
        RigOptions o = options();
        if (silentA)
            o.openaiBaseUrl = silent.baseUrl();
        GatewayRig rig(o);
        QCOMPARE(rig.startError, std::string());
        const auto r = rig.post("/v1/chat/completions", chatBody(route, stream));
        QCOMPARE(r.status, 200);
        QCOMPARE(textOf(r), std::string(mock::kText));
        QCOMPARE(rig.openai.requestCount(), silentA ? 0 : callsToA);
        QCOMPARE(rig.openaiB->requestCount(), 1);

        const auto traces = rig.traces(1);
        QCOMPARE(traces.size(), std::size_t(1));
        QCOMPARE(traces[0].summary.status, std::string("ok"));
        const auto spans = calls(traces[0]);
        QCOMPARE(spans.size(), std::size_t(callsToA + 1));
        for (int i = 0; i < callsToA; ++i) {
            QCOMPARE(spans[i]->status, ts::SpanStatus::Error);
            QCOMPARE(spans[i]->attrString(ts::attr::kErrorCategory), categoryFromA);
        }
        QCOMPARE(spans.back()->status, ts::SpanStatus::Ok);
        QCOMPARE(spans.back()->attrInt(ts::attr::kAttempt), std::optional<std::int64_t>(callsToA + 1));
        QCOMPARE(routeSpan(traces[0])->attrInt("tokenscope.route.attempts"), std::optional<std::int64_t>(callsToA + 1));
    }

    void aStreamCutAfterItsFirstTokensEndsWithAnError()
    {
        GatewayRig rig(options());
        const auto r = rig.post("/v1/chat/completions", chatBody("cut", true));
        QCOMPARE(r.status, 200);
        QCOMPARE(textOf(r), std::string("Hello, world")); // the three pieces sent before the cut
        const auto events = ts::test::splitSse(r.body);
        QVERIFY(events.data.size() >= 2);
        QCOMPARE(events.data.back(), std::string("[DONE]"));
        const json error = json::parse(events.data[events.data.size() - 2]);
        QVERIFY2(error.contains("error") && error["error"].contains("message"), error.dump().c_str());
        QCOMPARE(rig.openai.requestCount(), 1); // not retried: text had reached the client
        QCOMPARE(rig.openaiB->requestCount(), 0);
        const auto traces = rig.traces(1);
        QCOMPARE(traces.at(0).summary.status, std::string("error"));
        QCOMPARE(traces.at(0).output.at(0).content, std::string("Hello, world"));
    }

    // Nothing reached the client before every deployment failed, so the stream's status can still
    // say so (as OpenAI's own does): a 502 with the error body, not a 200 with an error event.
    void aStreamFailingEverywhereBeforeItsFirstTokenIsAnHttpError()
    {
        GatewayRig rig(options());
        const auto r = rig.post("/v1/chat/completions", chatBody("all-500", true));
        QCOMPARE(r.status, 502);
        const json error = json::parse(r.body)["error"];
        QVERIFY2(error.contains("message"), r.body.c_str());
        QVERIFY(rig.openai.requestCount() >= 1);
        QVERIFY(rig.openaiB->requestCount() >= 1);
        QCOMPARE(rig.traces(1).at(0).summary.status, std::string("error"));
    }

    void overBudgetIsA429WithRetryAfter()
    {
        GatewayRig rig(options());
        const auto r = rig.post("/v1/chat/completions", chatBody("priced"), {{"x-tokenscope-user", "pauper"}});
        QCOMPARE(r.status, 429);
        const json error = json::parse(r.body)["error"];
        QVERIFY2(error["message"].get<std::string>().find("over budget: user pauper") != std::string::npos, error.dump().c_str());
        QVERIFY(!r.header("retry-after").empty());
        QCOMPARE(rig.openai.requestCount(), 0);
        QCOMPARE(rig.governor->ledger().status(ts::systemClock().now()).at(0).heldUsd, 0.0);
        QCOMPARE(error["code"].get<std::string>(), std::string("budget_exceeded"));
    }

    void overBudgetStreamingIsA429()
    {
        GatewayRig rig(options());
        const auto r = rig.post("/v1/chat/completions", chatBody("priced", true), {{"x-tokenscope-user", "pauper"}});
        QCOMPARE(rig.openai.requestCount(), 0);
        QVERIFY2(r.body.find("over budget: user pauper") != std::string::npos, r.body.c_str());
        QVERIFY2(r.body.find("\"budget_exceeded\"") != std::string::npos, r.body.c_str());
        // Nothing was sent upstream and no text exists yet, so the refusal is an HTTP 429 with
        // Retry-After, as OpenAI answers a rate-limited stream, not a 200 with an in-stream error.
        QCOMPARE(r.status, 429);
        QVERIFY(!r.header("retry-after").empty());
    }

    void requestHeadersBecomeTraceAttributes()
    {
        GatewayRig rig(options());
        const auto r = rig.post("/v1/chat/completions", chatBody("fb-429", true),
                                {{"x-tokenscope-user", "ada"}, {"x-tokenscope-session", "sess-7"}, {"x-tokenscope-tags", "beta, search"}});
        QCOMPARE(r.status, 200);
        const auto traces = rig.traces(1);
        QCOMPARE(traces.size(), std::size_t(1));
        const ts::Span* root = traces[0].root();
        QCOMPARE(root->attrString(ts::attr::kUser), std::string("ada"));
        QCOMPARE(root->attrString(ts::attr::kSession), std::string("sess-7"));
        QCOMPARE(root->attrString(ts::attr::kTags), std::string("beta,search"));
        QCOMPARE(traces[0].summary.user, std::string("ada"));
        QCOMPARE(traces[0].summary.session, std::string("sess-7"));
        QCOMPARE(traces[0].summary.tags, std::string("beta,search"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayPolicies)
#include "test_gateway_policies.moc"
