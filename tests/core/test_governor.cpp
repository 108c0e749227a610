// The gate every attempt passes: breaker, rate limits and budgets together, and what each
// refusal tells the user.
#include "gateway/governor.h"

#include <QTest>

#include "qtest_std_string.h"

using namespace ts;

namespace {

constexpr Nanos kSec = kNsPerSec;
constexpr Nanos kT0 = 1'772'366'400 * kSec;

std::shared_ptr<const GatewayConfig> config()
{
    auto r = parseGatewayConfig(R"({
      "routes": [{"name": "chat", "deployments": [{"provider": "openai", "model": "gpt-4o", "rpm": 2},
                                                 {"provider": "anthropic", "model": "claude-sonnet-4-5"}]}],
      "keys": [{"name": "team", "key": "tsk-0123456789abcdef", "tpm": 10000}],
      "budgets": [{"scope": "user", "name": "alice", "period": "day", "usd": 1.0}],
      "circuit_breaker": {"failures": 2, "open_seconds": 30}})");
    if (!r.ok())
        qFatal("%s", r.errors.front().c_str());
    return std::make_shared<const GatewayConfig>(std::move(r.config));
}

RequestEstimate estimate(std::int64_t in, std::int64_t out, double usd)
{
    RequestEstimate e;
    e.inputTokens = in;
    e.maxOutputTokens = out;
    e.worstCaseUsd = usd;
    e.priced = true;
    return e;
}

const Deployment kGpt{"openai", "gpt-4o"};
const Deployment kClaude{"anthropic", "claude-sonnet-4-5"};

} // namespace

class TestGovernor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deploymentRateLimitRefusesWithWhen()
    {
        Governor g(config());
        RequestParty party;
        for (int i = 0; i < 2; ++i) {
            auto pass = g.admit(kGpt, party, estimate(10, 10, 0), kT0);
            QVERIFY(pass.allowed());
            g.finish(pass, {true, ErrorCategory::None, 20, 0, 100}, kT0);
        }
        auto refused = g.admit(kGpt, party, estimate(10, 10, 0), kT0);
        QCOMPARE(refused.refusal, Governor::Pass::Refusal::RateLimited);
        QCOMPARE(refused.message, std::string("openai/gpt-4o is over its requests-per-minute limit; next in 30 s"));
        QCOMPARE(refused.retryAt, kT0 + 30 * kSec);
        QVERIFY(g.admit(kClaude, party, estimate(10, 10, 0), kT0).allowed()); // the fallback has no limit
    }

    void keyTokensAreChargedAndSettled()
    {
        Governor g(config());
        RequestParty party{"team", {}, {}, {}};
        auto first = g.admit(kClaude, party, estimate(2000, 6000, 0), kT0);
        QVERIFY(first.allowed());
        auto second = g.admit(kClaude, party, estimate(2000, 6000, 0), kT0);
        QCOMPARE(second.refusal, Governor::Pass::Refusal::RateLimited);
        QVERIFY2(second.message.starts_with("key team is over its tokens-per-minute limit"), second.message.c_str());
        g.finish(first, {true, ErrorCategory::None, 1000, 0, 80}, kT0); // used far less than the worst case
        QVERIFY(g.admit(kClaude, party, estimate(2000, 6000, 0), kT0).allowed());
    }

    void budgetsHoldTheWorstCaseAndSettleTheTruth()
    {
        Governor g(config());
        RequestParty alice{{}, "alice", {}, {}};
        auto a = g.admit(kClaude, alice, estimate(100, 100, 0.6), kT0);
        QVERIFY(a.allowed());
        auto b = g.admit(kClaude, alice, estimate(100, 100, 0.6), kT0);
        QCOMPARE(b.refusal, Governor::Pass::Refusal::OverBudget);
        QVERIFY2(b.message.starts_with("over budget: user alice's daily budget of $1.00"), b.message.c_str());
        QCOMPARE(b.retryAt, kT0 + 12 * 3600 * kSec);
        g.finish(a, {true, ErrorCategory::None, 200, 0.05, 90}, kT0);
        QVERIFY(g.admit(kClaude, alice, estimate(100, 100, 0.6), kT0).allowed());
        QCOMPARE(g.ledger().status(kT0).front().spentUsd, 0.05);
    }

    void aBudgetRefusalGivesBackTheRateLimit()
    {
        Governor g(config());
        RequestParty alice{{}, "alice", {}, {}};
        auto refused = g.admit(kGpt, alice, estimate(10, 10, 5.0), kT0);
        QCOMPARE(refused.refusal, Governor::Pass::Refusal::OverBudget);
        QCOMPARE(g.limiter().available("openai/gpt-4o", kT0).first, 2.0);
    }

    void healthFailuresOpenTheBreakerOthersDoNot()
    {
        Governor g(config());
        RequestParty party;
        for (ErrorCategory c : {ErrorCategory::BadRequest, ErrorCategory::ContextTooLong, ErrorCategory::Auth}) {
            auto p = g.admit(kClaude, party, estimate(1, 1, 0), kT0);
            g.finish(p, {false, c, 0, 0, {}}, kT0);
        }
        QCOMPARE(g.breakers().state("anthropic/claude-sonnet-4-5", kT0), BreakerState::Closed);
        for (ErrorCategory c : {ErrorCategory::Overloaded, ErrorCategory::Timeout}) {
            auto p = g.admit(kClaude, party, estimate(1, 1, 0), kT0);
            g.finish(p, {false, c, 0, 0, {}}, kT0);
        }
        auto refused = g.admit(kClaude, party, estimate(1, 1, 0), kT0 + kSec);
        QCOMPARE(refused.refusal, Governor::Pass::Refusal::CircuitOpen);
        QCOMPARE(refused.message, std::string("anthropic/claude-sonnet-4-5 is failing: its circuit breaker is open, next try in 29 s"));
        QVERIFY(g.latency().average("anthropic/claude-sonnet-4-5").value_or(0) >= 10'000);
    }

    void aCancelledProbeDoesNotCloseOrReopen()
    {
        Governor g(config());
        RequestParty party;
        for (int i = 0; i < 2; ++i) {
            auto p = g.admit(kClaude, party, estimate(1, 1, 0), kT0);
            g.finish(p, {false, ErrorCategory::Server, 0, 0, {}}, kT0);
        }
        auto probe = g.admit(kClaude, party, estimate(1, 1, 0), kT0 + 30 * kSec);
        QVERIFY(probe.allowed());
        g.finish(probe, {false, ErrorCategory::Cancelled, 0, 0, {}}, kT0 + 31 * kSec);
        QCOMPARE(g.breakers().state("anthropic/claude-sonnet-4-5", kT0 + 31 * kSec), BreakerState::HalfOpen);
        QVERIFY(g.admit(kClaude, party, estimate(1, 1, 0), kT0 + 31 * kSec).allowed());
    }
};

QTEST_GUILESS_MAIN(TestGovernor)
#include "test_governor.moc"
