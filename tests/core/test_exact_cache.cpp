// The exact cache on a real workspace file: hits and misses, TTL on a virtual clock, scopes kept
// apart, invalidation, reopening, unreadable rows, and the upgrade of a schema-2 workspace.
#include "cache/exact_cache.h"
#include "model/attributes.h"
#include "trace/migrations.h"
#include "trace/sqlite_connection.h"
#include "trace/workspace_open.h"

#include <QTemporaryDir>
#include <QTest>

#include "qtest_std_string.h"

#include <atomic>
#include <thread>

using namespace ts;
using namespace ts::cache;

namespace {

constexpr Nanos kStart = 1'700'000'000 * kNsPerSec;

ChatRequest request(const std::string& user = "ada", const std::string& model = "gpt-4o-mini",
                    const std::string& prompt = "Name three rivers.")
{
    ChatRequest r;
    r.provider = "openai";
    r.model = model;
    r.messages = {{Role::User, prompt}};
    r.meta.user = user;
    return r;
}

CachedAnswer answer(const std::string& text = "Nile, Amazon, Danube.")
{
    CachedAnswer a;
    a.response.id = "chatcmpl-1";
    a.response.model = "gpt-4o-mini-2024-07-18";
    a.response.text = text;
    a.response.finishReason = "stop";
    a.response.usage = {.inputTokens = 12, .outputTokens = 7, .cacheReadTokens = 0, .reported = true};
    a.costUsd = 0.0000123;
    const std::size_t third = text.size() / 3;
    a.deltas = {{0, third}, {40 * kNsPerMs, third}, {95 * kNsPerMs, text.size() - 2 * third}};
    return a;
}

} // namespace

class TestExactCache : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    int counter_ = 0;
    VirtualClock clock_{kStart};

    std::string freshPath() { return dir_.filePath(QStringLiteral("ws-%1.db").arg(++counter_)).toStdString(); }

    std::unique_ptr<ExactCache> openCache(const std::string& path, ExactCacheConfig config = {})
    {
        config.enabled = true;
        return ExactCache::open(path, config, clock_, TraceStore::OpenMode::CreateIfMissing);
    }

    // Stores and says whether the cache kept it, as the cache.store span records.
    static bool put(ExactCache& cache, const ChatRequest& r, const CachedAnswer& a)
    {
        Span span;
        cache.store(r, a, span);
        return span.attrBool(attr::kCacheStored);
    }

    static std::optional<CachedAnswer> get(ExactCache& cache, const ChatRequest& r, Span* out = nullptr)
    {
        Span span;
        auto hit = cache.lookup(r, span);
        if (out)
            *out = span;
        return hit;
    }

private Q_SLOTS:
    void aStoredAnswerComesBackWhole()
    {
        auto cache = openCache(freshPath());
        Span miss;
        QVERIFY(!get(*cache, request(), &miss));
        QCOMPARE(miss.attrString(attr::kCacheKey).size(), std::size_t{64});
        QVERIFY(!miss.attr(attr::kCacheEntry));
        CachedAnswer stored = answer();
        stored.simulated = true;
        stored.response.toolCalls = {{"call_1", "lookup", R"({"q":"rivers"})", {}}};
        stored.response.reportedCostUsd = 0.00001;
        QVERIFY(put(*cache, request(), stored));
        clock_.advance(1500 * kNsPerMs);
        Span span;
        const auto hit = get(*cache, request(), &span);
        QVERIFY(hit);
        QCOMPARE(hit->response.text, stored.response.text);
        QCOMPARE(hit->response.id, stored.response.id);
        QCOMPARE(hit->response.model, stored.response.model);
        QCOMPARE(hit->response.finishReason, std::string("stop"));
        QCOMPARE(hit->response.usage, stored.response.usage);
        QCOMPARE(hit->response.toolCalls, stored.response.toolCalls);
        QCOMPARE(hit->response.reportedCostUsd, stored.response.reportedCostUsd);
        QCOMPARE(hit->deltas, stored.deltas);
        QCOMPARE(hit->costUsd, stored.costUsd);
        QVERIFY(hit->simulated);
        QVERIFY(hit->paced); // the default replay keeps the original pacing
        QCOMPARE(span.attrString(attr::kCacheEntry), span.attrString(attr::kCacheKey));
        QCOMPARE(span.attrInt(attr::kCacheAgeMs).value_or(-1), std::int64_t{1500});
        QCOMPARE(cache->entryCount(), std::int64_t{1});
    }

    void instantReplayIsTheCachesSetting()
    {
        ExactCacheConfig config;
        config.replay = ReplayPacing::Instant;
        auto cache = openCache(freshPath(), config);
        QVERIFY(put(*cache, request(), answer()));
        const auto hit = get(*cache, request());
        QVERIFY(hit);
        QVERIFY(!hit->paced);
        QCOMPARE(hit->deltas.size(), std::size_t{3}); // still replayed piece by piece, without the gaps
    }

    void onlyWholeAnswersAreKept_data()
    {
        QTest::addColumn<QString>("finishReason");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("kept");
        QTest::newRow("stop") << QStringLiteral("stop") << QStringLiteral("fine") << true;
        QTest::newRow("length") << QStringLiteral("length") << QStringLiteral("cut at max tokens") << true;
        QTest::newRow("content filter") << QStringLiteral("content_filter") << QStringLiteral("partial") << false;
        QTest::newRow("error") << QStringLiteral("error") << QStringLiteral("partial") << false;
        QTest::newRow("no finish reason") << QString() << QStringLiteral("who knows") << false;
        QTest::newRow("empty") << QStringLiteral("stop") << QString() << false;
    }

    void onlyWholeAnswersAreKept()
    {
        QFETCH(QString, finishReason);
        QFETCH(QString, text);
        QFETCH(bool, kept);
        auto cache = openCache(freshPath());
        CachedAnswer a = answer(text.toStdString());
        a.deltas.clear();
        a.response.finishReason = finishReason.toStdString();
        Span span;
        cache->store(request(), a, span);
        QCOMPARE(span.attrBool(attr::kCacheStored), kept);
        QCOMPARE(span.attr(attr::kCacheSkipped) != nullptr, !kept);
        QCOMPARE(get(*cache, request()).has_value(), kept);
    }

    void pacingThatDoesNotCoverTheTextIsDropped()
    {
        auto cache = openCache(freshPath());
        CachedAnswer a = answer();
        a.response.text = "[redacted] and more"; // an output guard changed it after it streamed
        QVERIFY(put(*cache, request(), a));
        const auto hit = get(*cache, request());
        QVERIFY(hit);
        QVERIFY(hit->deltas.empty());
        QCOMPARE(hit->response.text, a.response.text);
    }

    void entriesOutlivingTheirTtlAreMissesAndGo()
    {
        ExactCacheConfig config;
        config.ttl = 60 * kNsPerSec;
        auto cache = openCache(freshPath(), config);
        QVERIFY(put(*cache, request(), answer()));
        clock_.advance(59 * kNsPerSec);
        QVERIFY(get(*cache, request()));
        clock_.advance(2 * kNsPerSec);
        Span span;
        QVERIFY(!get(*cache, request(), &span));
        QVERIFY(span.attrBool(attr::kCacheExpired));
        QCOMPARE(span.attrInt(attr::kCacheAgeMs).value_or(0), std::int64_t{61'000});
        QCOMPARE(cache->entryCount(), std::int64_t{0}); // removed when met
        QVERIFY(put(*cache, request(), answer())); // and a fresh answer takes its place
        QVERIFY(get(*cache, request()));
    }

    void storesSweepExpiredEntriesNobodyAsksFor()
    {
        ExactCacheConfig config;
        config.ttl = 60 * kNsPerSec;
        auto cache = openCache(freshPath(), config);
        for (int i = 0; i < 5; ++i)
            QVERIFY(put(*cache, request("ada", "gpt-4o-mini", "prompt " + std::to_string(i)), answer()));
        clock_.advance(120 * kNsPerSec);
        QVERIFY(put(*cache, request("ada", "gpt-4o-mini", "a new one"), answer()));
        QCOMPARE(cache->entryCount(), std::int64_t{1});
    }

    void scopesAreKeptApart()
    {
        const std::string path = freshPath();
        auto cache = openCache(path);
        QVERIFY(put(*cache, request("ada", "gpt-4o-mini"), answer("for ada")));
        QVERIFY(!get(*cache, request("grace", "gpt-4o-mini")));
        QVERIFY(!get(*cache, request("ada", "gpt-4o")));
        QVERIFY(!get(*cache, request("", "gpt-4o-mini")));
        QCOMPARE(get(*cache, request("ada", "gpt-4o-mini"))->response.text, std::string("for ada"));

        ExactCacheConfig shared;
        shared.key.shareAcrossUsers = true;
        auto sharing = openCache(path, shared);
        QVERIFY(put(*sharing, request("ada"), answer("for everyone")));
        QCOMPARE(get(*sharing, request("grace"))->response.text, std::string("for everyone"));
        // A cache that keeps users apart never reads the shared entry.
        QVERIFY(!get(*cache, request("grace")));
    }

    void invalidateByEntryScopeAndAge()
    {
        auto cache = openCache(freshPath());
        QVERIFY(put(*cache, request("ada", "gpt-4o-mini"), answer()));
        QVERIFY(put(*cache, request("grace", "gpt-4o-mini"), answer()));
        clock_.advance(10 * kNsPerSec);
        QVERIFY(put(*cache, request("ada", "gpt-4o"), answer()));
        QVERIFY(put(*cache, request("grace", "gpt-4o"), answer()));
        QVERIFY(put(*cache, request("linus", "gpt-4o"), answer()));

        Span span;
        QVERIFY(get(*cache, request("linus", "gpt-4o"), &span));
        QCOMPARE(cache->invalidateEntry(span.attrString(attr::kCacheEntry)), std::int64_t{1});
        QVERIFY(!get(*cache, request("linus", "gpt-4o")));

        QCOMPARE(cache->invalidateScope({std::nullopt, "gpt-4o", "grace"}), std::int64_t{1});
        QVERIFY(!get(*cache, request("grace", "gpt-4o")));
        QVERIFY(get(*cache, request("grace", "gpt-4o-mini")));

        QCOMPARE(cache->invalidateOlderThan(5 * kNsPerSec), std::int64_t{2}); // both gpt-4o-mini entries
        QVERIFY(get(*cache, request("ada", "gpt-4o")));
        QCOMPARE(cache->invalidateScope({std::nullopt, std::nullopt, "ada"}), std::int64_t{1});
        QCOMPARE(cache->entryCount(), std::int64_t{0});
        QCOMPARE(cache->invalidateScope({}), std::int64_t{0});
    }

    void entriesSurviveReopening()
    {
        const std::string path = freshPath();
        QVERIFY(put(*openCache(path), request(), answer()));
        auto reopened = ExactCache::open(path, {}, clock_);
        const auto hit = get(*reopened, request());
        QVERIFY(hit);
        QCOMPARE(hit->response.text, answer().response.text);
        QCOMPARE(hit->deltas, answer().deltas);
    }

    void anUnreadableRowIsAMissNotACrash_data()
    {
        QTest::addColumn<QString>("answerJson");
        QTest::addColumn<QString>("said");
        QTest::newRow("garbage") << QStringLiteral("\x01\x02 not json") << QStringLiteral("not a cached answer");
        QTest::newRow("wrong shape") << QStringLiteral(R"({"text": 42})") << QStringLiteral("not a cached answer");
        const QString pacing = QStringLiteral(
            R"({"id":"","model":"","text":"abc","tool_calls":[],"finish_reason":"stop","usage":{"input":1,"output":1,)"
            R"("cache_read":0,"cache_write":0,"cache_write_1h":0,"reasoning":0,"reported":true},"deltas":%1,"simulated":false})");
        QTest::newRow("pacing short of the text") << pacing.arg(u"[[0,1],[5,1]]") << QStringLiteral("covers 2 bytes of a 3-byte");
        // Sizes that would wrap round to the text's length when added up.
        QTest::newRow("pacing beyond the text") << pacing.arg(u"[[0,2],[5,18446744073709551615]]")
                                                << QStringLiteral("of a 3-byte answer");
    }

    void anUnreadableRowIsAMissNotACrash()
    {
        QFETCH(QString, answerJson);
        QFETCH(QString, said);
        const std::string path = freshPath();
        auto cache = openCache(path);
        QVERIFY(put(*cache, request(), answer()));
        {
            sql::Connection db(path, sql::Connection::Mode::ReadWrite);
            db.exec("UPDATE cache_exact SET answer_json = '" + answerJson.toStdString() + "'");
        }
        Span span;
        QVERIFY(!get(*cache, request(), &span));
        const std::string error = span.attrString(attr::kCacheError);
        QVERIFY2(error.find("is unreadable") != std::string::npos, error.c_str());
        QVERIFY2(error.find(said.toStdString()) != std::string::npos, error.c_str());
        QCOMPARE(cache->entryCount(), std::int64_t{0}); // removed, so the next answer is kept again
        QVERIFY(put(*cache, request(), answer()));
        QVERIFY(get(*cache, request()));
    }

    void aSchema2WorkspaceIsUpgradedInPlace()
    {
        const std::string path = freshPath();
        const workspace::Migrations v2(workspace::migrations().begin(), workspace::migrations().begin() + 2);
        {
            sql::Connection db = workspace::openWorkspace(path, TraceStore::OpenMode::CreateIfMissing, 2000, v2);
            QCOMPARE(db.queryInt("PRAGMA user_version"), std::int64_t{2});
            db.exec("INSERT INTO prompts (name) VALUES ('kept')");
        }
        auto cache = ExactCache::open(path, {}, clock_);
        QVERIFY(put(*cache, request(), answer()));
        QVERIFY(get(*cache, request()));
        sql::Connection db(path, sql::Connection::Mode::ReadOnly);
        QCOMPARE(db.queryInt("PRAGMA user_version"), std::int64_t{TraceStore::kSchemaVersion});
        QCOMPARE(db.queryText("SELECT name FROM prompts"), std::string("kept"));
    }

    void aMissingWorkspaceIsRefusedAsTheStoreRefusesIt()
    {
        QVERIFY_THROWS_EXCEPTION(WorkspaceError, ExactCache::open(freshPath(), {}, clock_));
    }

    void manyThreadsLookUpWhileOthersStore()
    {
        auto cache = openCache(freshPath());
        std::atomic<int> hits{0}, wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < 50; ++i) {
                    const ChatRequest r = request("u" + std::to_string(t), "gpt-4o-mini", "q" + std::to_string(i));
                    put(*cache, r, answer("answer " + std::to_string(t) + "/" + std::to_string(i)));
                    const auto hit = get(*cache, r);
                    hits += hit ? 1 : 0;
                    wrong += hit && hit->response.text != "answer " + std::to_string(t) + "/" + std::to_string(i);
                }
            });
        for (auto& th : threads)
            th.join();
        QCOMPARE(hits.load(), 200);
        QCOMPARE(wrong.load(), 0);
        QCOMPARE(cache->entryCount(), std::int64_t{200});
    }
};

QTEST_GUILESS_MAIN(TestExactCache)
#include "test_exact_cache.moc"
