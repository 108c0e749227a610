// Budgets start from what the gateway already spent this period, read from a real workspace.
#include "gateway/budget_seed.h"
#include "trace_fixtures.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ts;

namespace {
constexpr Nanos kSec = kNsPerSec;
constexpr Nanos kDay = 86'400 * kSec;
constexpr Nanos kNow = 1'773'144'000 * kSec; // 2026-03-10 12:00 UTC
}

class TestBudgetSeed : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsThisPeriodsGatewaySpendingOnly()
    {
        QTemporaryDir dir;
        auto store = TraceStore::open(dir.filePath("w.tokenscope").toStdString(), TraceStore::OpenMode::CreateIfMissing);
        auto add = [&](Nanos start, const char* source, const char* user, const char* tags, double cost) {
            test::TraceSpec spec;
            spec.start = start;
            spec.source = source;
            spec.user = user;
            spec.tags = tags;
            spec.costUsd = cost;
            store->write(test::makeTrace(spec));
        };
        add(kNow - 3600 * kSec, "gateway", "alice", "search", 0.25);  // today
        add(kNow - 7200 * kSec, "gateway", "alice", "", 0.50);        // today
        add(kNow - kDay, "gateway", "alice", "search", 2.00);         // yesterday: this month only
        add(kNow - 40 * kDay, "gateway", "alice", "", 9.00);          // last month
        add(kNow - 60 * kSec, "playground", "alice", "search", 7.00); // not through the gateway
        add(kNow - 60 * kSec, "gateway", "bob", "search", 0.125);
        QVERIFY(store->flush());

        BudgetLedger ledger;
        const std::vector<Budget> budgets{{{"user", "alice"}, BudgetPeriod::Day, 10},
                                          {{"user", "alice"}, BudgetPeriod::Month, 10},
                                          {{"tag", "search"}, BudgetPeriod::Day, 10},
                                          {{"key", "team"}, BudgetPeriod::Day, 10}};
        ledger.setBudgets(budgets);
        const auto notes = seedBudgets(ledger, budgets, *store->reader(), kNow);
        const auto status = ledger.status(kNow);
        QCOMPARE(status[0].spentUsd, 0.75);
        QCOMPARE(status[1].spentUsd, 2.75);  // today and yesterday; not January
        QCOMPARE(status[2].spentUsd, 0.375); // alice's and bob's tagged traces of today
        QCOMPARE(status[3].spentUsd, 0.0);
        QCOMPARE(notes.size(), size_t(1));
        QVERIFY2(notes.front().starts_with("key team's daily budget starts from $0"), notes.front().c_str());
    }
};

QTEST_GUILESS_MAIN(TestBudgetSeed)
#include "test_budget_seed.moc"
