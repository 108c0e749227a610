// The Cache panel on a small workspace of hand-built traces: exact and semantic lookups that hit and
// miss, and a provider cache read; the figures it shows, the tuning sentence, cancelling, and
// invalidating exact cache entries in the workspace.
#include "qtest_std_string.h"
#include "trace_fixtures.h"

#include "cache/cache_overview.h"
#include "cache/cache_panel.h"
#include "cache/exact_cache.h"
#include "cache/invalidate_box.h"
#include "cache/pair_table.h"
#include "cache/provider_caching_view.h"
#include "cache/tuning_view.h"
#include "charts/time_series_chart.h"
#include "charts/xy_curve_chart.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ts;
using namespace ts::ui::cachepanel;
using ts::cache::CacheLayer;

namespace {

struct Asked
{
    std::string user;
    std::string question;
    std::string answer;
    double cost = 0;
    std::string exact = "miss";    // the exact layer's lookup: miss or hit
    std::string semantic;          // "", miss or hit
    std::int64_t cachedTokens = 0; // provider cache read on the model call
};

void addLookup(Trace& trace, const uitest::TraceSpec& spec, const std::string& layer, bool hit, int serial)
{
    Span span = uitest::makeSpan(spec, "cache.lookup", "cache.lookup", trace.spans.front().spanId, 1, 2, serial);
    span.attributes[std::string(attr::kCacheLayer)] = layer;
    span.attributes[std::string(attr::kCacheHit)] = hit;
    if (hit)
        span.attributes[std::string(attr::kCacheSavedUsd)] = 0.01;
    trace.spans.push_back(span);
}

Trace tracedAs(int index, const Asked& a)
{
    uitest::TraceSpec spec;
    spec.index = index;
    spec.start += index * 60 * kNsPerSec;
    spec.inputTokens = 200'000;
    spec.costUsd = a.cost;
    Trace trace = uitest::makeTrace(spec);
    trace.spans[0].attributes[std::string(attr::kUser)] = a.user;
    const bool served = a.exact == "hit" || a.semantic == "hit";
    if (served)
        trace.spans.pop_back(); // no model call
    else if (a.cachedTokens)
        trace.spans.back().attributes[std::string(attr::kCacheReadTokens)] = a.cachedTokens;
    addLookup(trace, spec, "exact", a.exact == "hit", 5);
    if (!a.semantic.empty())
        addLookup(trace, spec, "semantic", a.semantic == "hit", 6);
    trace.input.back().content = a.question;
    trace.output.back().content = a.answer;
    summarize(trace);
    return trace;
}

// At 0.70 the second and third questions would have been served from the first one's answer.
std::vector<Asked> traffic()
{
    return {{"alice", "What is the capital of France?", "Paris.", 0.01, "miss", "miss", 0},
            {"alice", "Tell me the capital of France", "Paris.", 0, "miss", "hit", 0},
            {"alice", "What is the capital of France?", "Paris.", 0, "hit", "", 0},
            {"bob", "How do I bake sourdough bread?", "Slowly.", 0.03, "miss", "", 100'000},
            {"bob", "How do I reverse a list in Python?", "Use reversed().", 0.02, "miss", "", 0}};
}

} // namespace

class TestCachePanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void showsFiguresByLayer();
    void tuningSentenceAndLists();
    void providerCachingTables();
    void emptyWorkspaceSaysSo();
    void readsTheNewestUpToTheCap();
    void saysWhenNewTracesArrive();
    void cancelStopsTheWorker();
    void invalidateByScopeAndEntry();

private:
    std::unique_ptr<CachePanel> openPanel();
    std::string storeExactEntry(const std::string& question);

    std::unique_ptr<QTemporaryDir> dir_;
    std::shared_ptr<TraceStore> store_;
};

void TestCachePanel::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
    store_ = uitest::openTempStore(*dir_);
}

void TestCachePanel::cleanup()
{
    store_.reset();
    dir_.reset();
}

std::unique_ptr<CachePanel> TestCachePanel::openPanel()
{
    int index = 0;
    for (const Asked& a : traffic())
        store_->write(tracedAs(index++, a));
    store_->flush();
    auto panel = std::make_unique<CachePanel>(store_);
    QSignalSpy shown(panel.get(), &CachePanel::analysisShown);
    panel->resize(1200, 800);
    panel->show(); // the first show starts the analysis
    if (!shown.wait(10000))
        return nullptr;
    return panel;
}

std::string TestCachePanel::storeExactEntry(const std::string& question)
{
    auto cache = ts::cache::ExactCache::open(store_->path(), {});
    ChatRequest request;
    request.provider = "openai";
    request.model = "gpt-4o-mini";
    request.messages = {{Role::User, question, {}, {}, {}}};
    CachedAnswer answer;
    answer.response.text = "Paris.";
    answer.response.finishReason = "stop";
    Span span;
    cache->store(request, answer, span);
    return span.attrString(attr::kCacheKey);
}

void TestCachePanel::showsFiguresByLayer()
{
    const auto panel = openPanel();
    QVERIFY(panel);
    QVERIFY(panel->settled());
    QCOMPARE(panel->statusText(), u"Read all 5 traces."_s);
    const CacheOverview* o = panel->overview();
    QCOMPARE(o->layerText(CacheLayer::Exact), u"Exact: 20% of 5 lookups hit, saving $0.0100"_s);
    QCOMPARE(o->layerText(CacheLayer::Semantic), u"Semantic: 50% of 2 lookups hit, saving $0.0100"_s);
    // 100,000 cached gpt-4o-mini tokens at $0.075 instead of $0.15 per million.
    QCOMPARE(o->layerText(CacheLayer::ProviderPrefix), u"Provider prefix: 33% of 3 calls read cached input, saving $0.0075"_s);
    QVERIFY(o->note().isEmpty()); // both cache layers have hits
    QVERIFY(o->hitRateChart()->hasChart());
    QCOMPARE(o->savingChart()->data().days.size(), 1);
    QCOMPARE(o->savingChart()->data().series.size(), 3);
    QVERIFY(o->savingChart()->csv().startsWith(u"day,Exact,Semantic,Provider prefix\n2026-09-21,0.01,0.01,0.0075\n"_s));
}

void TestCachePanel::tuningSentenceAndLists()
{
    const auto panel = openPanel();
    QVERIFY(panel);
    TuningView* t = panel->tuning();
    QCOMPARE(t->threshold(), 0.70);
    QCOMPARE(t->sentence(), u"At 0.70, 40% of 5 requests would have been served from the cache, saving $0.0200; "
                            u"none of those hits had a different answer."_s);
    QVERIFY(t->chart()->hasChart());
    QCOMPARE(t->chart()->marker(), 0.70);
    QCOMPARE(t->riskiestHits()->rowCount(), 2);
    QCOMPARE(t->riskiestHits()->item(0, PairTable::Question)->text(), u"Tell me the capital of France"_s); // least similar
    QCOMPARE(t->riskiestHits()->item(0, PairTable::Earlier)->text(), u"What is the capital of France?"_s);
    QCOMPARE(t->riskiestHits()->item(0, PairTable::Answers)->text(), u"same"_s);
    t->setThreshold(1.0);
    QCOMPARE(t->sentence(), u"At 1.00, 20% of 5 requests would have been served from the cache, saving $0.0100; "
                            u"none of those hits had a different answer."_s);
    QCOMPARE(t->chart()->marker(), 1.0);
    QCOMPARE(t->nearMisses()->rowCount(), 1); // the paraphrase at 0.81 is not within 0.05: a placeholder row
    QVERIFY(t->nearMisses()->item(0, 0)->text().startsWith(u"No near misses"_s));
    QVERIFY(!t->nearMisses()->currentPair());
    t->setThreshold(0.85);
    QCOMPARE(t->nearMisses()->item(0, PairTable::Question)->text(), u"Tell me the capital of France"_s);
}

void TestCachePanel::providerCachingTables()
{
    const auto panel = openPanel();
    QVERIFY(panel);
    const QTableWidget* models = panel->providerCaching()->models();
    QCOMPARE(models->rowCount(), 1);
    QStringList row;
    for (int c = 0; c < models->columnCount(); ++c)
        row << models->item(0, c)->text();
    QCOMPARE(row, (QStringList{u"openai"_s, u"gpt-4o-mini"_s, u"3"_s, u"100,000"_s, u"17%"_s, u"$0.0075"_s}));
    const QTableWidget* prefixes = panel->providerCaching()->prefixes();
    QCOMPARE(prefixes->rowCount(), 1);
    QCOMPARE(prefixes->item(0, 0)->text(), u"You are terse."_s);
    QCOMPARE(prefixes->item(0, 2)->text(), u"33%"_s);
}

void TestCachePanel::emptyWorkspaceSaysSo()
{
    CachePanel panel(store_);
    QSignalSpy shown(&panel, &CachePanel::analysisShown);
    panel.show();
    QVERIFY(shown.wait(10000));
    QCOMPARE(panel.statusText(), u"No traces in this workspace yet."_s);
    QVERIFY(panel.overview()->hitRateChart()->message().startsWith(u"No traces in this workspace yet"_s));
    QVERIFY(panel.overview()->note().startsWith(u"No exact or semantic cache hits yet"_s));
    QVERIFY(panel.tuning()->sentence().startsWith(u"No recorded request ends with a user's question"_s));
    QVERIFY(!panel.tuning()->chart()->hasChart());
}

void TestCachePanel::readsTheNewestUpToTheCap()
{
    uitest::fillStore(*store_, 5);
    CachePanel panel(store_, nullptr, 3);
    QSignalSpy shown(&panel, &CachePanel::analysisShown);
    panel.refresh();
    QVERIFY(shown.wait(10000));
    QCOMPARE(panel.statusText(), u"Read the newest 3 of 5 traces."_s);
    QCOMPARE(panel.analysis()->report.tracesRead, 3);
    QCOMPARE(panel.analysis()->tuning.requests.front().traceId, uitest::traceIdOf(2)); // the oldest of the newest three
}

void TestCachePanel::saysWhenNewTracesArrive()
{
    const auto panel = openPanel();
    QVERIFY(panel);
    store_->write(tracedAs(10, traffic().front()));
    store_->flush();
    QTRY_COMPARE(panel->statusText(), u"Read all 5 traces. New traces have arrived since: Refresh to include them."_s);
    QSignalSpy shown(panel.get(), &CachePanel::analysisShown);
    panel->refresh();
    QVERIFY(shown.wait(10000));
    QCOMPARE(panel->statusText(), u"Read all 6 traces."_s);
}

void TestCachePanel::cancelStopsTheWorker()
{
    uitest::fillStore(*store_, 400);
    CachePanel panel(store_);
    QSignalSpy shown(&panel, &CachePanel::analysisShown);
    panel.refresh();
    QVERIFY(panel.analyzing());
    panel.cancel();
    QVERIFY(!panel.analyzing());
    QVERIFY(panel.settled());
    QCOMPARE(panel.statusText(), u"Cancelled. Refresh reads the traces again."_s);
    QTest::qWait(300); // whatever the cancelled job still sends is dropped
    QCOMPARE(shown.count(), 0);
    panel.refresh();
    QVERIFY(shown.wait(10000));
    QCOMPARE(panel.statusText(), u"Read all 400 traces."_s);
}

void TestCachePanel::invalidateByScopeAndEntry()
{
    const std::string key = storeExactEntry("What is the capital of France?");
    QVERIFY(!key.empty());
    storeExactEntry("Another question");
    const auto panel = openPanel();
    QVERIFY(panel);
    InvalidateBox* box = panel->invalidation();
    QTRY_VERIFY(box->scopeButton()->isEnabled());
    QCOMPARE(box->status(), u"The exact cache holds 2 entries."_s);
    QVERIFY(!box->entryButton()->isEnabled()); // no pair chosen yet
    box->setChosenEntry(key, u"What is the capital of France?"_s);
    QVERIFY(box->entryButton()->isEnabled());
    box->entryButton()->click();
    QTRY_COMPARE(box->status(), u"Removed 1 entry. The exact cache holds 1 entry."_s);
    box->ageButton()->click(); // the entry is seconds old, not 24 hours
    QTRY_COMPARE(box->status(), u"Removed 0 entries. The exact cache holds 1 entry."_s);
    box->scopeButton()->click(); // any model, any user
    QTRY_COMPARE(box->status(), u"Removed 1 entry. The workspace's exact cache is empty: nothing to invalidate."_s);
    QVERIFY(!box->scopeButton()->isEnabled());
    QCOMPARE(box->scopeButton()->toolTip(), u"The workspace's exact cache is empty: nothing to invalidate."_s);
}

QTEST_MAIN(TestCachePanel)
#include "test_cache_panel.moc"
