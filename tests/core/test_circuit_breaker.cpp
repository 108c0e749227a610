// The per-deployment circuit breaker on a virtual clock: when it opens, probes, closes, backs off.
#include "gateway/circuit_breaker.h"

#include <QTest>

using namespace ts;

namespace {
constexpr Nanos kSec = kNsPerSec;
constexpr Nanos kT0 = 1'700'000'000 * kSec;
const char* const kKey = "openai/gpt-4o";
}

class TestCircuitBreaker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opensAfterThresholdFailuresInARow()
    {
        CircuitBreakers b({3, 30 * kSec, 300 * kSec, 1});
        for (int i = 0; i < 2; ++i) {
            QVERIFY(b.admit(kKey, kT0).allowed);
            b.record(kKey, false, kT0);
        }
        QCOMPARE(b.state(kKey, kT0), BreakerState::Closed);
        QVERIFY(b.admit(kKey, kT0).allowed);
        b.record(kKey, false, kT0 + kSec);
        QCOMPARE(b.state(kKey, kT0 + kSec), BreakerState::Open);
        const auto refused = b.admit(kKey, kT0 + 2 * kSec);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAt, kT0 + 31 * kSec);
        QVERIFY(b.admit("anthropic/claude", kT0 + 2 * kSec).allowed); // other deployments unaffected
    }

    void successResetsTheCount()
    {
        CircuitBreakers b({3, 30 * kSec, 300 * kSec, 1});
        for (bool ok : {false, false, true, false, false}) {
            QVERIFY(b.admit(kKey, kT0).allowed);
            b.record(kKey, ok, kT0);
        }
        QCOMPARE(b.state(kKey, kT0), BreakerState::Closed);
    }

    void halfOpenLetsOneProbeThrough()
    {
        CircuitBreakers b({1, 10 * kSec, 300 * kSec, 1});
        QVERIFY(b.admit(kKey, kT0).allowed);
        b.record(kKey, false, kT0);
        QVERIFY(!b.admit(kKey, kT0 + 9 * kSec).allowed);
        const auto probe = b.admit(kKey, kT0 + 10 * kSec);
        QVERIFY(probe.allowed);
        QCOMPARE(probe.state, BreakerState::HalfOpen);
        QVERIFY(!b.admit(kKey, kT0 + 10 * kSec).allowed); // only one probe at a time
        b.record(kKey, true, kT0 + 11 * kSec);
        QCOMPARE(b.state(kKey, kT0 + 11 * kSec), BreakerState::Closed);
        QVERIFY(b.admit(kKey, kT0 + 11 * kSec).allowed);
    }

    void failedProbeReopensForTwiceAsLongUpToTheCap()
    {
        CircuitBreakers b({1, 10 * kSec, 25 * kSec, 1});
        b.admit(kKey, kT0);
        b.record(kKey, false, kT0); // open until +10
        Nanos t = kT0 + 10 * kSec;
        QVERIFY(b.admit(kKey, t).allowed);
        b.record(kKey, false, t); // open for 20
        QCOMPARE(b.admit(kKey, t).retryAt, t + 20 * kSec);
        t += 20 * kSec;
        QVERIFY(b.admit(kKey, t).allowed);
        b.record(kKey, false, t); // 40 capped at 25
        QCOMPARE(b.admit(kKey, t).retryAt, t + 25 * kSec);
    }

    void abandonedProbeFreesTheSlot()
    {
        CircuitBreakers b({1, 10 * kSec, 300 * kSec, 1});
        b.admit(kKey, kT0);
        b.record(kKey, false, kT0);
        QVERIFY(b.admit(kKey, kT0 + 10 * kSec).allowed);
        b.abandon(kKey);
        QVERIFY(b.admit(kKey, kT0 + 10 * kSec).allowed);
    }

    void lateVerdictWhileOpenChangesNothing()
    {
        CircuitBreakers b({1, 10 * kSec, 300 * kSec, 1});
        QVERIFY(b.admit(kKey, kT0).allowed);
        QVERIFY(b.admit(kKey, kT0).allowed); // two calls in flight
        b.record(kKey, false, kT0);          // opens
        b.record(kKey, true, kT0 + kSec);    // the other one succeeds late
        QCOMPARE(b.state(kKey, kT0 + kSec), BreakerState::Open);
    }
};

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "test_circuit_breaker.moc"
