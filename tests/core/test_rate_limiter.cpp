// Requests and tokens per minute on a virtual clock: refill, all-or-nothing charges, settling.
#include "gateway/rate_limiter.h"

#include <QTest>

#include <cstdlib>

using namespace ts;

namespace {
constexpr Nanos kSec = kNsPerSec;
constexpr Nanos kT0 = 1'700'000'000 * kSec;
}

class TestRateLimiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requestsPerMinuteRefillContinuously()
    {
        RateLimiter l;
        l.setLimit("d", {60, 0});
        for (int i = 0; i < 60; ++i)
            QVERIFY(l.acquire({{"d", 0}}, kT0).allowed);
        const auto refused = l.acquire({{"d", 0}}, kT0);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.limit, std::string("requests"));
        QCOMPARE(refused.key, std::string("d"));
        QCOMPARE(refused.retryAt, kT0 + kSec); // one comes back each second
        QVERIFY(!l.acquire({{"d", 0}}, kT0 + kSec / 2).allowed);
        QVERIFY(l.acquire({{"d", 0}}, kT0 + kSec).allowed);
        // a long idle never holds more than a minute's worth
        int granted = 0;
        while (l.acquire({{"d", 0}}, kT0 + 3600 * kSec).allowed)
            ++granted;
        QCOMPARE(granted, 60);
    }

    void tokensAreChargedFromTheEstimate()
    {
        RateLimiter l;
        l.setLimit("d", {0, 1000});
        QVERIFY(l.acquire({{"d", 700}}, kT0).allowed);
        const auto refused = l.acquire({{"d", 400}}, kT0);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.limit, std::string("tokens"));
        QCOMPARE(refused.retryAt, kT0 + 6 * kSec); // 100 missing at 1000/min
        QVERIFY(l.acquire({{"d", 300}}, kT0).allowed);
    }

    void settleTruesUpToTheReportedUsage()
    {
        RateLimiter l;
        l.setLimit("d", {0, 1000});
        const RateLimiter::Charge c{"d", 800};
        QVERIFY(l.acquire({c}, kT0).allowed);
        l.settle(c, 200, kT0); // used far less: 600 back
        QCOMPARE(l.available("d", kT0).second, 800.0);
        QVERIFY(l.acquire({c}, kT0).allowed);
        l.settle(c, 1500, kT0); // used more than estimated: a debt
        QCOMPARE(l.available("d", kT0).second, -700.0);
        QVERIFY(!l.acquire({{"d", 1}}, kT0 + 30 * kSec).allowed);
        QVERIFY(l.acquire({{"d", 1}}, kT0 + 43 * kSec).allowed);
    }

    void aRequestLargerThanAMinuteGoesWhenTheBucketIsFull()
    {
        RateLimiter l;
        l.setLimit("d", {0, 1000});
        QVERIFY(l.acquire({{"d", 5000}}, kT0).allowed);
        const auto refused = l.acquire({{"d", 5000}}, kT0 + kSec);
        QVERIFY(!refused.allowed);
        // 4000 of debt plus a full bucket, at 1000 a minute
        QVERIFY(std::abs(refused.retryAt - (kT0 + 300 * kSec)) < kSec / 1000);
        QVERIFY(!l.acquire({{"d", 5000}}, refused.retryAt - kSec).allowed);
        QVERIFY(l.acquire({{"d", 5000}}, refused.retryAt).allowed);
    }

    void chargesAreAllOrNothing()
    {
        RateLimiter l;
        l.setLimit("deployment", {10, 0});
        l.setLimit("key:a", {1, 0});
        QVERIFY(l.acquire({{"deployment", 0}, {"key:a", 0}}, kT0).allowed);
        const auto refused = l.acquire({{"deployment", 0}, {"key:a", 0}}, kT0);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.key, std::string("key:a"));
        QCOMPARE(l.available("deployment", kT0).first, 9.0); // the refused charge took nothing
        QVERIFY(l.acquire({{"deployment", 0}, {"unlimited", 0}}, kT0).allowed);
    }

    void releaseGivesBackARequestNeverSent()
    {
        RateLimiter l;
        l.setLimit("d", {2, 100});
        const std::vector<RateLimiter::Charge> c{{"d", 80}};
        QVERIFY(l.acquire(c, kT0).allowed);
        QVERIFY(!l.acquire(c, kT0).allowed);
        l.release(c, kT0);
        QCOMPARE(l.available("d", kT0), std::make_pair(2.0, 100.0));
        QVERIFY(l.acquire(c, kT0).allowed);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "test_rate_limiter.moc"
