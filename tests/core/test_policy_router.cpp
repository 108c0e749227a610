// Routing from a gateway config: tier rules, and how each strategy orders deployments.
#include "gateway/policy_router.h"

#include <QTest>

#include <map>

using namespace ts;

namespace {

std::shared_ptr<const GatewayConfig> config(const char* json)
{
    auto r = parseGatewayConfig(json);
    if (!r.ok())
        qFatal("bad test config: %s", r.errors.front().c_str());
    return std::make_shared<const GatewayConfig>(std::move(r.config));
}

ChatRequest ask(const std::string& model, const std::string& text, std::vector<std::string> tags = {})
{
    ChatRequest r;
    r.provider = "openai";
    r.model = model;
    r.messages = {{Role::User, text}};
    r.meta.tags = std::move(tags);
    return r;
}

std::vector<std::string> order(const RoutePlan& p)
{
    std::vector<std::string> out;
    for (const auto& d : p.deployments)
        out.push_back(d.provider + "/" + d.model);
    return out;
}

const char* const kRoutes = R"({"routes": [
  {"name": "chat", "strategy": "priority", "attempts": 3,
   "deployments": [{"provider": "openai", "model": "gpt-4o"}, {"provider": "anthropic", "model": "claude-sonnet-4-5"}],
   "context_fallback": {"provider": "google", "model": "gemini-2.5-pro"}},
  {"name": "mini", "deployments": [{"provider": "openai", "model": "gpt-4o-mini"}]},
  {"name": "tagged", "deployments": [{"provider": "simulated", "model": "sim-small"}]},
  {"name": "w", "strategy": "weighted",
   "deployments": [{"provider": "a", "model": "light", "weight": 1}, {"provider": "b", "model": "heavy", "weight": 3}]},
  {"name": "fast", "strategy": "least-latency",
   "deployments": [{"provider": "a", "model": "m1"}, {"provider": "b", "model": "m2"}, {"provider": "c", "model": "m3"}]},
  {"name": "cheap", "strategy": "cheapest",
   "deployments": [{"provider": "anthropic", "model": "claude-opus-4-1"}, {"provider": "nobody", "model": "unpriced-x"},
                   {"provider": "openai", "model": "gpt-4o-mini"}, {"provider": "openai", "model": "gpt-4o"}]}],
 "tiers": [{"route": "chat", "to": "tagged", "tags_any": ["internal"]},
           {"route": "chat", "to": "mini", "max_input_tokens": 50, "difficulty": "easy"}]})";

} // namespace

class TestPolicyRouter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void priorityKeepsTheListedOrder()
    {
        PolicyRouter router(config(kRoutes), std::make_shared<LatencyTracker>());
        const RoutePlan p = router.plan(ask("chat", "Write a function that parses RFC 3339 dates, step by step"));
        QCOMPARE(p.name, std::string("chat"));
        QCOMPARE(p.strategy, std::string("priority"));
        QCOMPARE(order(p), (std::vector<std::string>{"openai/gpt-4o", "anthropic/claude-sonnet-4-5"}));
        QCOMPARE(p.maxAttemptsPerDeployment, 3);
        QVERIFY(p.contextFallback);
        QCOMPARE(p.contextFallback->model, std::string("gemini-2.5-pro"));
        QVERIFY(p.tier.empty()); // hard: the easy tier rule did not apply
    }

    void tierRulesSendEasyRequestsToACheaperRoute()
    {
        PolicyRouter router(config(kRoutes), std::make_shared<LatencyTracker>());
        const RoutePlan easy = router.plan(ask("chat", "What is the capital of France?"));
        QCOMPARE(easy.name, std::string("mini"));
        QCOMPARE(order(easy), (std::vector<std::string>{"openai/gpt-4o-mini"}));
        QVERIFY2(easy.tier.starts_with("chat -> mini ("), easy.tier.c_str());
        QVERIFY2(easy.tier.find("easy") != std::string::npos, easy.tier.c_str());
        // too long for the token condition
        const RoutePlan longer = router.plan(ask("chat", std::string(2000, 'x') + " what?"));
        QCOMPARE(longer.name, std::string("chat"));
        // tags come first in the list, and win
        const RoutePlan tagged = router.plan(ask("chat", "hello", {"batch", "internal"}));
        QCOMPARE(tagged.name, std::string("tagged"));
    }

    void otherModelsGoDirect()
    {
        PolicyRouter router(config(kRoutes), std::make_shared<LatencyTracker>());
        const RoutePlan p = router.plan(ask("gpt-4.1", "hi"));
        QCOMPARE(p.name, std::string("direct"));
        QCOMPARE(order(p), (std::vector<std::string>{"openai/gpt-4.1"}));
    }

    void weightedDrawsThePrimaryByWeight()
    {
        PolicyRouter router(config(kRoutes), std::make_shared<LatencyTracker>(), nullptr, 42);
        std::map<std::string, int> primary;
        for (int i = 0; i < 4000; ++i) {
            const RoutePlan p = router.plan(ask("w", "hi"));
            QCOMPARE(p.deployments.size(), size_t(2));
            QVERIFY(p.deployments[0].model != p.deployments[1].model); // the other is the fallback
            ++primary[p.deployments[0].model];
        }
        // 3:1 within a few percent
        QVERIFY2(primary["heavy"] > 2850 && primary["heavy"] < 3150, qPrintable(QString::number(primary["heavy"])));
    }

    void leastLatencyMeasuresTheUnknownFirst()
    {
        auto latency = std::make_shared<LatencyTracker>(0.5);
        PolicyRouter router(config(kRoutes), latency);
        latency->record("a/m1", 300);
        latency->record("b/m2", 120);
        QCOMPARE(order(router.plan(ask("fast", "hi"))), (std::vector<std::string>{"c/m3", "b/m2", "a/m1"}));
        latency->record("c/m3", 200);
        QCOMPARE(order(router.plan(ask("fast", "hi"))), (std::vector<std::string>{"b/m2", "c/m3", "a/m1"}));
        latency->recordFailure("b/m2"); // a timeout makes it the slowest
        QCOMPARE(order(router.plan(ask("fast", "hi"))), (std::vector<std::string>{"c/m3", "a/m1", "b/m2"}));
    }

    void cheapestUsesTheCatalogsPrices()
    {
        PolicyRouter router(config(kRoutes), std::make_shared<LatencyTracker>());
        QCOMPARE(order(router.plan(ask("cheap", "Summarise this paragraph."))),
                 (std::vector<std::string>{"openai/gpt-4o-mini", "openai/gpt-4o", "anthropic/claude-opus-4-1",
                                           "nobody/unpriced-x"}));
    }
};

QTEST_GUILESS_MAIN(TestPolicyRouter)
#include "test_policy_router.moc"
