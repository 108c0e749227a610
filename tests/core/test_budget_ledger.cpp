// Budgets held before a call and settled after it: refusals, periods, and no overspend when
// many requests race for the last dollars.
#include "gateway/budget_ledger.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace ts;

namespace {
constexpr Nanos kSec = kNsPerSec;
constexpr Nanos kDay = 86'400 * kSec;
constexpr Nanos kT0 = 1'772'366'400 * kSec; // 2026-03-01 12:00:00 UTC
const BudgetScope kAlice{"user", "alice"};
const BudgetScope kTeam{"tag", "team-a"};
}

class TestBudgetLedger : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void periodsAreUtcDaysAndCalendarMonths()
    {
        QCOMPARE(BudgetLedger::periodStart(BudgetPeriod::Day, kT0), kT0 - 12 * 3600 * kSec);
        QCOMPARE(BudgetLedger::periodEnd(BudgetPeriod::Day, kT0), kT0 + 12 * 3600 * kSec);
        QCOMPARE(BudgetLedger::periodStart(BudgetPeriod::Month, kT0), kT0 - 12 * 3600 * kSec); // March 1st
        QCOMPARE(BudgetLedger::periodEnd(BudgetPeriod::Month, kT0), kT0 - 12 * 3600 * kSec + 31 * kDay);
        const Nanos feb10 = kT0 - 19 * kDay; // 2026-02-10: February 2026 has 28 days
        QCOMPARE(BudgetLedger::periodStart(BudgetPeriod::Month, feb10), kT0 - 12 * 3600 * kSec - 28 * kDay);
        QCOMPARE(BudgetLedger::periodEnd(BudgetPeriod::Month, feb10), kT0 - 12 * 3600 * kSec);
        QCOMPARE(BudgetLedger::periodStart(BudgetPeriod::Day, -1), -kDay); // before 1970 floors down
    }

    void refusesWhatWouldExceedAndSaysWhy()
    {
        BudgetLedger l;
        l.setBudgets({{kAlice, BudgetPeriod::Day, 1.00}});
        l.addSpent(kAlice, BudgetPeriod::Day, kT0 - 3600 * kSec, 0.70);
        auto first = l.reserve({kAlice}, 0.25, kT0);
        QVERIFY(std::holds_alternative<BudgetLedger::Reservation>(first));
        auto second = l.reserve({kAlice}, 0.10, kT0);
        QVERIFY(std::holds_alternative<BudgetLedger::Refusal>(second));
        const auto& refusal = std::get<BudgetLedger::Refusal>(second);
        QCOMPARE(refusal.spentUsd, 0.70);
        QCOMPARE(refusal.heldUsd, 0.25);
        QCOMPARE(refusal.resetsAt, kT0 + 12 * 3600 * kSec);
        QCOMPARE(refusal.describe(), std::string("user alice's daily budget of $1.00: $0.70 spent, $0.25 held by "
                                                 "requests in flight, this request may cost up to $0.10"));
        // the first request cost less than its worst case: the rest comes back
        l.settle(std::get<BudgetLedger::Reservation>(first), 0.05);
        QVERIFY(std::holds_alternative<BudgetLedger::Reservation>(l.reserve({kAlice}, 0.10, kT0)));
        // a new day starts from nothing
        QVERIFY(std::holds_alternative<BudgetLedger::Reservation>(l.reserve({kAlice}, 0.90, kT0 + kDay)));
    }

    void everyBudgetARequestFallsUnderMustFit()
    {
        BudgetLedger l;
        l.setBudgets({{kAlice, BudgetPeriod::Month, 100}, {kTeam, BudgetPeriod::Day, 0.5}});
        QVERIFY(std::holds_alternative<BudgetLedger::Reservation>(l.reserve({kAlice}, 0.6, kT0)));
        auto refused = l.reserve({kAlice, kTeam}, 0.6, kT0);
        QVERIFY(std::holds_alternative<BudgetLedger::Refusal>(refused));
        QCOMPARE(std::get<BudgetLedger::Refusal>(refused).budget.scope, kTeam);
        // the refused request held nothing under alice's budget
        const auto status = l.status(kT0);
        QCOMPARE(status.size(), size_t(2));
        QCOMPARE(status[0].heldUsd, 0.6);
        QCOMPARE(status[1].heldUsd, 0.0);
    }

    void spendingIsRecordedForUnbudgetedScopesToo()
    {
        BudgetLedger l;
        auto r = l.reserve({kTeam}, 0.3, kT0);
        l.settle(std::get<BudgetLedger::Reservation>(r), 0.2);
        l.setBudgets({{kTeam, BudgetPeriod::Day, 1.0}}); // added later the same day
        QCOMPARE(l.status(kT0).front().spentUsd, 0.2);
        l.settle(std::get<BudgetLedger::Reservation>(r), 0.2); // settling twice counts once
        QCOMPARE(l.status(kT0).front().spentUsd, 0.2);
    }

    void settlesIntoThePeriodTheRequestStartedIn()
    {
        BudgetLedger l;
        l.setBudgets({{kAlice, BudgetPeriod::Day, 1.0}});
        const Nanos lateEvening = kT0 + 12 * 3600 * kSec - kSec;
        auto r = l.reserve({kAlice}, 0.5, lateEvening);
        l.settle(std::get<BudgetLedger::Reservation>(r), 0.4); // finishes after midnight
        QCOMPARE(l.status(lateEvening).front().spentUsd, 0.4);
        QCOMPARE(l.status(lateEvening + 2 * kSec).front().spentUsd, 0.0);
    }

    void fiftyConcurrentRequestsNeverOverspend()
    {
        BudgetLedger l;
        l.setBudgets({{kAlice, BudgetPeriod::Day, 1.0}});
        std::atomic<int> admitted{0};
        std::atomic<long long> spentMicros{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 50; ++i)
            threads.emplace_back([&] {
                for (int round = 0; round < 20; ++round) {
                    auto r = l.reserve({kAlice}, 0.03, kT0);
                    if (auto* ok = std::get_if<BudgetLedger::Reservation>(&r)) {
                        ++admitted;
                        std::this_thread::yield();
                        spentMicros += 20'000; // each really cost $0.02
                        l.settle(*ok, 0.02);
                    }
                }
            });
        for (auto& t : threads)
            t.join();
        const auto s = l.status(kT0).front();
        QVERIFY(s.spentUsd <= 1.0 + 1e-9);
        QCOMPARE(s.heldUsd, 0.0);
        // $0.98 spent after 49: a 50th could cost up to $0.03 and never fits; a few may be refused
        // while others' holds are out, so at least most of the budget is used
        QVERIFY(admitted.load() <= 49);
        QVERIFY(admitted.load() >= 40);
        QVERIFY(std::abs(s.spentUsd - spentMicros.load() / 1e6) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestBudgetLedger)
#include "test_budget_ledger.moc"
