// Queries over a stored workspace: filter results (keys, comparisons, times, full text, tags),
// every sort order with its tie-break, paging and summaries by row id.
#include "trace/filter_time.h"
#include "trace/store.h"
#include "trace_fixtures.h"

#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <set>

using namespace ts;

namespace {

constexpr Nanos kHour = 3600 * kNsPerSec;
const Nanos kDay1 = filter::utcMidnight(2026, 3, 1);
const Nanos kDay2 = filter::utcMidnight(2026, 3, 2);
const Nanos kDay3 = filter::utcMidnight(2026, 3, 3);
const Nanos kDay4 = filter::utcMidnight(2026, 3, 4);

struct Row
{
    const char* id;
    const char* model;
    const char* provider;
    bool error;
    const char* source;
    const char* user;
    const char* session;
    const char* tags;
    bool simulated;
    double cost;
    std::int64_t in;
    std::int64_t out;
    double ttft; // < 0: none
    double duration;
    Nanos start;
    const char* prompt;
    const char* answer;
};

std::vector<Row> rows()
{
    return {
        {"t1", "gpt-4o", "openai", false, "demo", "alice", "s1", "beta,eu", true, 0.02, 1000, 200, 300, 2000,
         kDay1 + 10 * kHour, "The quick brown fox", "ok"},
        {"t2", "gpt-4o-mini", "openai", false, "gateway", "bob", "s1", "eu", false, 0.001, 100, 20, 150, 800,
         kDay1 + 12 * kHour, "Weather in Paris today?", "sunny"},
        {"t3", "claude-sonnet", "anthropic", true, "gateway", "alice", "s2", "beta", false, 0.0, 500, 0, -1,
         5000, kDay2 + 9 * kHour, "Refund policy for orders", ""},
        {"t4", "gpt-4o", "openai", false, "import", "carol", "s3", "", false, 0.05, 3000, 500, 900, 3000,
         kDay3 + 8 * kHour, "naïve café résumé", "noted"},
        {"t5", "llama3", "ollama", false, "playground", "Ada L", "s4", "beta-2,eu-west", true, 0.0, 50, 50,
         80, 400, kDay3 + 20 * kHour, "What does \"quoted\" mean?", "It's a brown dog"},
        {"t6", "gpt-4o-mini", "openai", true, "demo", "bob", "s2", "eu,beta", false, 0.002, 200, 40, -1, 1500,
         kDay4, "fox hunting rules", ""},
    };
}

Trace traceOf(const Row& r)
{
    test::TraceSpec s;
    s.traceId = r.id;
    s.model = r.model;
    s.provider = r.provider;
    s.error = r.error;
    s.source = r.source;
    s.user = r.user;
    s.session = r.session;
    s.tags = r.tags;
    s.simulated = r.simulated;
    s.costUsd = r.cost;
    s.inputTokens = r.in;
    s.outputTokens = r.out;
    s.ttftMs = r.ttft < 0 ? std::nullopt : std::optional<double>(r.ttft);
    s.durationMs = r.duration;
    s.start = r.start;
    s.prompt = r.prompt;
    s.answer = r.answer;
    return test::makeTrace(s);
}

// The order the store promises: the key, then rowid; NULL sorts lowest.
bool before(const TraceSummary& a, const TraceSummary& b, TraceOrder order)
{
    auto key = [&](const TraceSummary& s) -> std::tuple<int, double, std::string> {
        switch (order.key) {
        case TraceOrderKey::Start:
            return {1, double(s.start), {}};
        case TraceOrderKey::Duration:
            return {1, s.durationMs, {}};
        case TraceOrderKey::Cost:
            return {1, s.costUsd, {}};
        case TraceOrderKey::InputTokens:
            return {1, double(s.inputTokens), {}};
        case TraceOrderKey::OutputTokens:
            return {1, double(s.outputTokens), {}};
        case TraceOrderKey::Ttft:
            return {s.ttftMs ? 1 : 0, s.ttftMs.value_or(0), {}};
        case TraceOrderKey::Model:
            return {1, 0, s.model};
        }
        return {};
    };
    const auto ka = std::tuple_cat(key(a), std::make_tuple(a.rowId));
    const auto kb = std::tuple_cat(key(b), std::make_tuple(b.rowId));
    return order.descending ? kb < ka : ka < kb;
}

} // namespace

Q_DECLARE_METATYPE(TraceOrder)

class TestStoreQuery : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    std::unique_ptr<TraceStore> store_;
    std::unique_ptr<TraceReader> reader_;

    std::set<std::string> idsMatching(const TraceFilter& filter)
    {
        std::set<std::string> ids;
        for (const TraceSummary& s : reader_->page(filter, {}, 0, 1000))
            ids.insert(s.traceId);
        return ids;
    }

  private slots:
    void initTestCase()
    {
        store_ = TraceStore::open(dir_.filePath(QStringLiteral("query.db")).toStdString(),
                                  TraceStore::OpenMode::CreateIfMissing);
        // Written out of order, so rowid order differs from start order.
        for (int i : {3, 0, 5, 1, 4, 2})
            store_->write(traceOf(rows()[static_cast<size_t>(i)]));
        QVERIFY(store_->flush());
        reader_ = store_->reader();
    }

    void filterResults_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* f, const char* e) {
            QTest::newRow(*f ? f : "(no filter)") << QString::fromUtf8(f) << QString::fromUtf8(e);
        };
        row("", "t1 t2 t3 t4 t5 t6");
        row("model:gpt-4o", "t1 t4");
        row("model:gpt-4o model:llama3", "t1 t4 t5");
        row("-model:gpt-4o", "t2 t3 t5 t6");
        row("-model:gpt-4o -model:gpt-4o-mini", "t3 t5");
        row("provider:openai status:error", "t6");
        row("status:ok", "t1 t2 t4 t5");
        row("-status:ok", "t3 t6");
        row("source:gateway", "t2 t3");
        row("user:alice", "t1 t3");
        row("user:\"Ada L\"", "t5");
        row("user:Ada", "");
        row("session:s2", "t3 t6");
        row("tag:beta", "t1 t3 t6");
        row("tag:eu", "t1 t2 t6");
        row("tag:beta tag:eu", "t1 t6");
        row("tag:beta-2", "t5");
        row("tag:bet", "");
        row("tag:%", "");
        row("-tag:beta", "t2 t4 t5");
        row("simulated:yes", "t1 t5");
        row("simulated:no", "t2 t3 t4 t6");
        row("cost>0.01", "t1 t4");
        row("cost>=0.02", "t1 t4");
        row("cost=0", "t3 t5");
        row("cost<$0.0015", "t2 t3 t5");
        row("tokens>1000", "t1 t4");
        row("tokens<=100", "t5");
        row("ttft>200", "t1 t4");
        row("ttft<200", "t2 t5");
        row("duration>=3000", "t3 t4");
        row("since:2026-03-03", "t4 t5 t6");
        row("until:2026-03-01", "t1 t2");
        row("since:2026-03-02 until:2026-03-03", "t3 t4 t5");
        row("until:2026-03-01T12:00", "t1");
        row("since:2026-03-01T12:00:00Z until:2026-03-02T09:00:01", "t2 t3");
        row("fox", "t1 t6");
        row("FOX", "t1 t6");
        row("brown", "t1 t5");
        row("brown fox", "t1");
        row("\"brown fox\"", "t1");
        row("\"fox brown\"", "");
        row("cafe", "t4");
        row("résumé", "t4");
        row("qui*", "t1");
        row("fox OR weather", "");
        row("\"quoted\"", "t5");
        row("paris model:gpt-4o-mini", "t2");
        row("fox -status:error", "t1");
        row("NEAR(fox", ""); // one phrase: "near fox"
        row("fox^ AND", "");
    }

    void filterResults()
    {
        QFETCH(QString, filter);
        QFETCH(QString, expected);
        const FilterParse parsed = parseFilter(filter.toStdString());
        QVERIFY2(parsed.ok(), parsed.error.c_str());
        std::set<std::string> want;
        for (const QString& id : expected.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            want.insert(id.toStdString());
        QVERIFY(idsMatching(parsed.filter) == want);
        QCOMPARE(reader_->count(parsed.filter), std::int64_t(want.size()));
        QCOMPARE(reader_->rowIds(parsed.filter, {}).size(), want.size());
    }

    // Search text set directly (a search box) may hold anything; it must never break the query.
    void anySearchTextIsSafe_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* text :
             {"\"", "\"fox", "*", "-", "fox*bar", "a:b", "NOT fox", "fox AND", "(", ")", "^",
              "'; DROP TABLE traces; --", "col:fox", "fox\"brown", "\"\"", "NEAR(a b, 2)", "+"})
            QTest::newRow(text) << QString::fromUtf8(text);
    }

    void anySearchTextIsSafe()
    {
        QFETCH(QString, text);
        TraceFilter filter;
        filter.text = text.toStdString();
        reader_->count(filter);
        reader_->rowIds(filter, {});
        QCOMPARE(reader_->count({}), std::int64_t{6});
    }

    void orders_data()
    {
        QTest::addColumn<TraceOrder>("order");
        const std::pair<const char*, TraceOrderKey> keys[] = {
            {"start", TraceOrderKey::Start},         {"duration", TraceOrderKey::Duration},
            {"cost", TraceOrderKey::Cost},           {"input", TraceOrderKey::InputTokens},
            {"output", TraceOrderKey::OutputTokens}, {"ttft", TraceOrderKey::Ttft},
            {"model", TraceOrderKey::Model}};
        for (const auto& [name, key] : keys) {
            QTest::addRow("%s asc", name) << TraceOrder{key, false};
            QTest::addRow("%s desc", name) << TraceOrder{key, true};
        }
    }

    void orders()
    {
        QFETCH(TraceOrder, order);
        std::vector<TraceSummary> all = reader_->page({}, {}, 0, 100);
        QCOMPARE(all.size(), size_t(6));
        std::sort(all.begin(), all.end(), [&](const auto& a, const auto& b) { return before(a, b, order); });
        std::vector<std::int64_t> expected;
        for (const TraceSummary& s : all)
            expected.push_back(s.rowId);
        QVERIFY(reader_->rowIds({}, order) == expected);

        const std::vector<TraceSummary> page = reader_->page({}, order, 2, 3);
        QCOMPARE(page.size(), size_t(3));
        for (size_t i = 0; i < page.size(); ++i)
            QCOMPARE(page[i].rowId, expected[i + 2]);
        QVERIFY(reader_->page({}, order, 5, 10).size() == 1);
        QVERIFY(reader_->page({}, order, 6, 10).empty());
    }

    void pageWithFilterFollowsOrder()
    {
        const TraceFilter filter = parseFilter("provider:openai").filter;
        const std::vector<TraceSummary> page = reader_->page(filter, {TraceOrderKey::Cost, true}, 0, 10);
        std::vector<std::string> ids;
        for (const TraceSummary& s : page)
            ids.push_back(s.traceId);
        QVERIFY((ids == std::vector<std::string>{"t4", "t1", "t6", "t2"}));
    }

    void summariesKeepTheGivenOrder()
    {
        const std::vector<std::int64_t> ids = reader_->rowIds({}, {TraceOrderKey::Start, false});
        const std::vector<std::int64_t> asked{ids[4], 987654321, ids[0], ids[2], ids[0]};
        const std::vector<TraceSummary> got = reader_->summaries(asked);
        QCOMPARE(got.size(), size_t(4)); // the missing row is skipped, the repeated one repeated
        QCOMPARE(got[0].rowId, ids[4]);
        QCOMPARE(got[1].rowId, ids[0]);
        QCOMPARE(got[2].rowId, ids[2]);
        QCOMPARE(got[3].rowId, ids[0]);
        QCOMPARE(got[1].traceId, std::string("t1"));
        QVERIFY(got[1] == reader_->load("t1")->summary);
        QVERIFY(reader_->summaries({}).empty());
    }

    void summariesOfManyRows()
    {
        auto store = TraceStore::open(dir_.filePath(QStringLiteral("many.db")).toStdString(),
                                      TraceStore::OpenMode::CreateIfMissing);
        for (int i = 0; i < 1234; ++i) {
            test::TraceSpec spec;
            spec.start += i * kNsPerSec;
            store->write(test::makeTrace(spec));
        }
        QVERIFY(store->flush());
        auto reader = store->reader();
        std::vector<std::int64_t> ids = reader->rowIds({}, {TraceOrderKey::Start, true});
        QCOMPARE(ids.size(), size_t(1234));
        std::reverse(ids.begin(), ids.end());
        const std::vector<TraceSummary> got = reader->summaries(ids);
        QCOMPARE(got.size(), ids.size());
        for (size_t i = 0; i < ids.size(); ++i)
            QCOMPARE(got[i].rowId, ids[i]);
    }

    void cancelledRowIdsAreEmpty()
    {
        CancelToken cancel;
        cancel.cancel();
        QVERIFY(reader_->rowIds({}, {}, &cancel).empty());
        CancelToken live;
        QCOMPARE(reader_->rowIds({}, {}, &live).size(), size_t(6));
    }

    void cleanupTestCase()
    {
        reader_.reset();
        store_.reset();
    }
};

QTEST_GUILESS_MAIN(TestStoreQuery)
#include "test_store_query.moc"
