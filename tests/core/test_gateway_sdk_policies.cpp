// The gateway's routes and budgets through the official npm clients (tests/js/gateway_policies.mjs):
// fallbacks on 429 and 500, streaming and not, one on Anthropic's 529, and 50 concurrent streams
// racing for a budget that pays for only some of them.
#include "gateway/request_estimate.h"
#include "gateway_test_rig.h"
#include "mock_anthropic_scenarios.h"
#include "mock_openai_scenarios.h"
#include "model/attributes.h"
#include "qtest_std_string.h"
#include "test_env.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtTest/QTest>

#include <cmath>

using nlohmann::json;
using ts::test::GatewayRig;
using ts::test::RigOptions;
namespace mock = ts::test::mock;
namespace amock = ts::test::anthropic_mock;

namespace {

constexpr int kRacers = 50;
constexpr std::int64_t kMaxTokens = 2000;
constexpr double kBudgetUsd = 0.25;

// mock-drip priced at $10 per million tokens in and out, so the sums are easy to follow.
const char* const kPrices =
    R"({"models": [{"id": "mock-drip", "provider": "openai", "prices": {"input": 10, "output": 10}, "tokenizer": "o200k_base"}]})";

const char* const kConfig = R"({
  "routes": [
    {"name": "fb-429", "deployments": [{"provider": "openai", "model": "mock-429"}, {"provider": "openai-b", "model": "mock-usage"}]},
    {"name": "fb-500", "deployments": [{"provider": "openai", "model": "mock-500"}, {"provider": "openai-b", "model": "mock-usage"}]},
    {"name": "budget", "deployments": [{"provider": "openai", "model": "mock-drip"}]},
    {"name": "claude-fb", "deployments": [{"provider": "anthropic", "model": "claude-overloaded"},
                                          {"provider": "anthropic", "model": "claude-test"}]}
  ],
  "budgets": [{"scope": "user", "name": "racer", "period": "day", "usd": 0.25}]
})";

RigOptions options()
{
    RigOptions o = ts::test::governedWithTwoUpstreams(kConfig);
    o.catalog = std::make_shared<const ts::Catalog>(ts::Catalog::builtin().withOverrides(kPrices, "test-prices.json"));
    return o;
}

QString jsDir() { return QDir::cleanPath(QString::fromStdString(ts::test::dataDir()) + QStringLiteral("/../js")); }

// `node tests/js/gateway_policies.mjs BASE ARGS...`, its output parsed; any problem fails the test.
json runPolicies(const std::string& base, const QStringList& args)
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty())
        qFatal("node is not on PATH: install the nodejs package (scripts/install-deps.sh)");
    if (!QFileInfo::exists(jsDir() + QStringLiteral("/node_modules/openai")))
        qFatal("tests/js/node_modules is missing: run `npm ci --prefix tests/js`");
    QProcess process;
    process.setWorkingDirectory(jsDir());
    process.start(node, QStringList{jsDir() + QStringLiteral("/gateway_policies.mjs"), QString::fromStdString(base)} + args);
    if (!process.waitForFinished(90'000))
        qFatal("node gateway_policies.mjs %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        qFatal("node gateway_policies.mjs failed (%d): %s", process.exitCode(), process.readAllStandardError().constData());
    return json::parse(process.readAllStandardOutput().toStdString());
}

// What the budget route holds per request: the prompt the SDK sends, priced exactly, plus max_tokens.
double worstCaseUsd(const ts::Catalog& catalog)
{
    ts::ChatRequest r;
    r.model = "mock-drip";
    r.maxTokens = kMaxTokens;
    r.messages = {{ts::Role::System, "Be brief."}, {ts::Role::User, "Say hello."}};
    return ts::estimateRequest(r, catalog.find("mock-drip", "openai")).worstCaseUsd;
}

} // namespace

class TestGatewaySdkPolicies : public QObject
{
    Q_OBJECT

private slots:
    void openAIClientGetsAnswersThroughFallbacks()
    {
        GatewayRig rig(options());
        QCOMPARE(rig.startError, std::string());
        const json r = runPolicies(rig.base(), {QStringLiteral("fallback")});
        for (const char* route : {"fb-429", "fb-500"}) {
            QCOMPARE(r[route]["plain"].get<std::string>(), std::string(mock::kText));
            QCOMPARE(r[route]["stream"].get<std::string>(), std::string(mock::kText));
        }
        QCOMPARE(rig.openai.requestCount(), 2 * 1 + 2 * 2); // a 429 moves on at once; a 500 is retried once
        QCOMPARE(rig.openaiB->requestCount(), 4);
        const auto traces = rig.traces(4);
        QCOMPARE(traces.size(), std::size_t(4));
        for (const ts::Trace& t : traces) {
            QCOMPARE(t.summary.status, std::string("ok"));
            QCOMPARE(t.summary.user, std::string("sdk-fallback"));
        }
    }

    void concurrentStreamsCannotOverspendABudget()
    {
        RigOptions o = options();
        GatewayRig rig(o);
        rig.openai.setDripDelay(std::chrono::milliseconds(5)); // 100 pieces: each stream takes about 0.5 s
        const double worst = worstCaseUsd(*o.catalog);
        QVERIFY(worst > 0);
        const json r = runPolicies(rig.base(), {QStringLiteral("race"), QString::number(kRacers), QString::number(kMaxTokens)});
        const json& results = r["results"];
        QCOMPARE(results.size(), std::size_t(kRacers));

        int succeeded = 0;
        int refusedInStream = 0; // no HTTP status: an error event after a 200
        int codedBudgetExceeded = 0;
        for (const json& one : results) {
            if (one["ok"].get<bool>()) {
                ++succeeded;
                QVERIFY(!one["text"].get<std::string>().empty());
                continue;
            }
            QVERIFY2(one["message"].get<std::string>().find("over budget: user racer") != std::string::npos, one.dump().c_str());
            refusedInStream += one["status"].is_null();
            codedBudgetExceeded += one["code"] == "budget_exceeded";
        }
        const auto traces = rig.traces(kRacers);
        QCOMPARE(traces.size(), std::size_t(kRacers));
        double realCost = 0; // every successful request cost the same: the mock reports the same usage
        int okTraces = 0;
        for (const ts::Trace& t : traces)
            if (t.summary.status == "ok") {
                QVERIFY(realCost == 0 || std::abs(t.summary.costUsd - realCost) < 1e-12);
                realCost = t.summary.costUsd;
                ++okTraces;
            }
        QCOMPARE(okTraces, succeeded);
        QVERIFY(realCost > 0 && realCost <= worst);
        qInfo("%d of %d streams paid for: $%.6f each (held $%.6f each) against $%.2f", succeeded, kRacers, realCost,
              worst, kBudgetUsd);

        QVERIFY(succeeded > 0 && succeeded < kRacers);
        QVERIFY(succeeded * realCost <= kBudgetUsd + 1e-12);
        // Nobody is refused while the worst case of one more still fits.
        QVERIFY(succeeded >= static_cast<int>(std::floor(kBudgetUsd / worst)));
        QCOMPARE(rig.openai.requestCount(), succeeded); // the refused never reached the upstream
        const auto status = rig.governor->ledger().status(ts::systemClock().now());
        QCOMPARE(status.size(), std::size_t(1));
        QVERIFY(status[0].spentUsd <= status[0].budget.limitUsd);
        QVERIFY(std::abs(status[0].spentUsd - succeeded * realCost) < 1e-9);
        QCOMPARE(status[0].heldUsd, 0.0);

        // OpenAI answers a refused stream with HTTP 429 (RateLimitError), and so does the gateway:
        // its status waits for the first token, so no refusal arrives inside a 200 stream.
        QCOMPARE(refusedInStream, 0);
        QCOMPARE(codedBudgetExceeded, kRacers - succeeded);
    }

    void anthropicClientFallsBackOnOverloaded()
    {
        GatewayRig rig(options());
        const json r = runPolicies(rig.base(), {QStringLiteral("anthropic")});
        QCOMPARE(r["text"].get<std::string>(), std::string(amock::kText));
        QCOMPARE(r["stop"].get<std::string>(), std::string("end_turn"));
        const auto traces = rig.traces(1);
        QCOMPARE(traces.size(), std::size_t(1));
        int calls = 0;
        for (const ts::Span& s : traces[0].spans)
            if (s.attrString(ts::attr::kStage) == "llm.call")
                ++calls;
        QCOMPARE(calls, 2); // the 529 moved on at once, without a retry on the same deployment
        QCOMPARE(traces[0].summary.model, std::string("claude-test"));
    }
};

QTEST_GUILESS_MAIN(TestGatewaySdkPolicies)
#include "test_gateway_sdk_policies.moc"
