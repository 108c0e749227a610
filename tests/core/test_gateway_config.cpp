// The gateway config file: what it reads, and every mistake named with where it is.
#include "gateway/gateway_config.h"

#include <QTest>

#include "qtest_std_string.h"

using namespace ts;
using namespace Qt::StringLiterals;

namespace {

const char* const kGood = R"({
  "routes": [
    {"name": "chat", "strategy": "weighted", "attempts": 3,
     "deployments": [{"provider": "openai", "model": "gpt-4o", "weight": 3, "rpm": 500, "tpm": 200000},
                     {"provider": "anthropic", "model": "claude-sonnet-4-5"}],
     "fallback_on": ["rate_limited", "server"],
     "context_fallback": {"provider": "gemini", "model": "gemini-2.5-pro"}},
    {"name": "chat-mini", "deployments": [{"provider": "openai", "model": "gpt-4o-mini"}]}
  ],
  "tiers": [{"route": "chat", "to": "chat-mini", "max_input_tokens": 400, "difficulty": "easy"}],
  "budgets": [{"scope": "user", "name": "alice", "period": "month", "usd": 20}],
  "keys": [{"name": "team-search", "key": "tsk-0123456789abcdef", "project": "search", "rpm": 60}],
  "circuit_breaker": {"failures": 3, "open_seconds": 10}
})";

QString joined(const std::vector<std::string>& errors)
{
    QStringList out;
    for (const auto& e : errors)
        out << QString::fromStdString(e);
    return out.join(u'\n');
}

} // namespace

class TestGatewayConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsAWholeConfig()
    {
        const auto r = parseGatewayConfig(kGood);
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        const GatewayConfig& c = r.config;
        QCOMPARE(c.routes.size(), size_t(2));
        const RouteConfig* chat = c.route("chat");
        QVERIFY(chat);
        QCOMPARE(chat->strategy, RouteStrategy::Weighted);
        QCOMPARE(chat->attemptsPerDeployment, 3);
        QCOMPARE(chat->deployments[0].key(), std::string("openai/gpt-4o"));
        QCOMPARE(chat->deployments[0].weight, 3.0);
        QCOMPARE(chat->deployments[0].limit.tokensPerMinute, std::int64_t(200000));
        QCOMPARE(chat->deployments[1].weight, 1.0);
        QCOMPARE(chat->fallbackOn, (std::vector<ErrorCategory>{ErrorCategory::RateLimited, ErrorCategory::Server}));
        QVERIFY(chat->contextFallback);
        QCOMPARE(chat->contextFallback->model, std::string("gemini-2.5-pro"));
        QCOMPARE(c.route("chat-mini")->strategy, RouteStrategy::Priority);
        QCOMPARE(c.tiers.front().maxInputTokens.value_or(0), std::int64_t(400));
        QCOMPARE(c.budgets.front().period, BudgetPeriod::Month);
        QCOMPARE(c.budgets.front().limitUsd, 20.0);
        QCOMPARE(c.breaker.failureThreshold, 3);
        QCOMPARE(c.breaker.openFor, 10 * kNsPerSec);
        QVERIFY(c.keyForSecret("tsk-0123456789abcdef"));
        QCOMPARE(c.keyForSecret("tsk-0123456789abcdef")->name, std::string("team-search"));
        QVERIFY(!c.keyForSecret("tsk-0123456789abcdeF"));
        QVERIFY(!c.keyForSecret("tsk-0123456789abcdef0"));
        QVERIFY(!c.keyForSecret(""));
    }

    void namesEveryMistakeWithItsPlace()
    {
        const auto r = parseGatewayConfig(R"({
          "routes": [
            {"name": "chat", "strategy": "fastest", "deployments": [{"provider": "openai", "weight": 0}],
             "fallback_on": ["rate_limit"]},
            {"name": "chat", "deployments": []}
          ],
          "tiers": [{"route": "chat", "to": "nowhere"}],
          "budgets": [{"scope": "team", "name": "x", "period": "week", "usd": -1}],
          "keys": [{"name": "a", "key": "short"}],
          "retries": 3
        })");
        QVERIFY(!r.ok());
        const QString all = joined(r.errors);
        for (const char* expected : {
                 "routes[0].strategy: 'fastest' is not one of priority, weighted, least-latency, cheapest",
                 "routes[0].deployments[0].model: missing",
                 "routes[0].deployments[0].weight: must be above 0",
                 "routes[0].fallback_on: 'rate_limit' is not an error category",
                 "routes[1].name: 'chat' is defined twice",
                 "routes[1].deployments: needs at least one deployment",
                 "tiers[0].to: no route named 'nowhere'",
                 "tiers[0]: needs a condition",
                 "budgets[0].scope: must be key, user, tag or project",
                 "budgets[0].period: must be day or month",
                 "budgets[0].usd: needs a limit",
                 "keys[0].key: must be at least 16 characters",
                 "config.retries: unknown field",
             })
            QVERIFY2(all.contains(QLatin1String(expected)), qPrintable(u"missing: "_s + QLatin1String(expected) + u"\nin:\n"_s + all));
    }

    void wrongTypesAreNamed()
    {
        const auto r = parseGatewayConfig(R"({"routes": [{"name": 5, "deployments": [{"provider": "a", "model": "b", "rpm": "many"}]}]})");
        const QString all = joined(r.errors);
        QVERIFY2(all.contains(u"routes[0].name: expected a string, got number"_s), qPrintable(all));
        QVERIFY2(all.contains(u"routes[0].deployments[0].rpm: expected a number, got string"_s), qPrintable(all));
    }

    void notJsonSaysSo()
    {
        const auto r = parseGatewayConfig("{\"routes\": [");
        QCOMPARE(r.errors.size(), size_t(1));
        QVERIFY(r.errors.front().starts_with("not valid JSON"));
        const auto missing = loadGatewayConfig("/nonexistent/gateway.json");
        QCOMPARE(missing.errors.front(), std::string("/nonexistent/gateway.json: cannot be read"));
    }

    void aDuplicatedKeyIsNeverEchoed()
    {
        const auto r = parseGatewayConfig(R"({"keys": [{"name": "a", "key": "tsk-secret-secret-1"},
                                                      {"name": "b", "key": "tsk-secret-secret-1"}]})");
        const QString all = joined(r.errors);
        QVERIFY(all.contains(u"keys[1].key: the same key is given to two names"_s));
        QVERIFY(!all.contains(u"tsk-secret"_s));
    }
};

QTEST_GUILESS_MAIN(TestGatewayConfig)
#include "test_gateway_config.moc"
