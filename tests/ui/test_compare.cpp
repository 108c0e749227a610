// Compare end to end, offscreen: one prompt through the real pipeline (simulated provider) to
// several models at once. The columns stream side by side, finish with their figures, land as
// traces of one "compare" session; Stop all stops them all; one bad column fails alone.
#include "compare/answer_diff.h"
#include "compare/compare_column.h"
#include "compare/compare_figures.h"
#include "compare/compare_panel.h"
#include "compare/compare_session.h"
#include "providers/provider_setup.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include <map>
#include <mutex>
#include <set>

using namespace ts;
using namespace ts::ui;
using namespace Qt::StringLiterals;

namespace {

struct Rig
{
    std::mutex mutex;
    std::vector<Trace> traces;
    std::shared_ptr<Pipeline> pipeline;
    std::unique_ptr<ComparePanel> panel;

    explicit Rig(int outputTokens = 120)
    {
        ProviderSetup setup;
        setup.simulated.defaultOutputTokens = outputTokens;
        pipeline = std::make_shared<Pipeline>(makeProviders(setup), [this](Trace t) {
            const std::lock_guard lock(mutex);
            traces.push_back(std::move(t));
        });
        panel = std::make_unique<ComparePanel>(pipeline);
        panel->resize(1280, 800);
        panel->show();
    }
    std::vector<Trace> collected()
    {
        const std::lock_guard lock(mutex);
        return traces;
    }
    QPushButton* button(const QString& text) const
    {
        for (auto* b : panel->findChildren<QPushButton*>())
            if (b->text() == text)
                return b;
        return nullptr;
    }
};

std::vector<CompareOutcome> outcomes(const QSignalSpy& spy, int columns)
{
    std::vector<CompareOutcome> out(static_cast<std::size_t>(columns));
    for (const auto& args : spy)
        out[static_cast<std::size_t>(args.at(0).toInt())] = args.at(1).value<CompareOutcome>();
    return out;
}

CompareOutcome finished(double costUsd, std::optional<double> ttft, std::optional<double> tps, bool ok = true)
{
    CompareOutcome o;
    o.reply.costUsd = costUsd;
    o.reply.ttftMs = ttft;
    o.tokensPerSecond = tps;
    if (!ok)
        o.reply.error = u"The provider had a server error."_s;
    return o;
}

} // namespace

class TestCompare : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokensPerSecondGuardsDivision()
    {
        QCOMPARE(tokensPerSecond(100, 1100, 100).value(), 100.0);
        QCOMPARE(tokensPerSecond(100, 1000, std::nullopt).value(), 100.0);
        QVERIFY(!tokensPerSecond(0, 1000, 100));
        QVERIFY(!tokensPerSecond(100, 100, 100)); // no time after the first token
        QVERIFY(!tokensPerSecond(100, 50, 100));
    }

    void bestPerMetricSkipsFailuresAndKeepsTies()
    {
        const auto best = bestPerMetric({finished(0.002, 300, 80), finished(0.001, 500, 120),
                                         finished(0.0001, 100, 500, false), finished(0.001, 300, 60)});
        QCOMPARE(best[0], (Emphasis{false, true, false}));
        QCOMPARE(best[1], (Emphasis{true, false, true}));
        QCOMPARE(best[2], Emphasis{}); // the failed one never wins
        QCOMPARE(best[3], (Emphasis{true, true, false}));
        // A single answer has nothing to beat.
        QCOMPARE(bestPerMetric({finished(0.002, 300, 80), std::nullopt})[0], Emphasis{});
    }

    void threeColumnsStreamConcurrently()
    {
        Rig rig;
        QCOMPARE(rig.panel->columnCount(), 3);
        QCOMPARE(rig.panel->column(0)->title(), u"gpt-4o-mini · simulated"_s);
        QCOMPARE(rig.panel->column(2)->model(), u"gemini-2.5-flash"_s);
        QSignalSpy text(rig.panel->session(), &CompareSession::textArrived);
        QSignalSpy done(rig.panel.get(), &ComparePanel::columnFinished);
        QSignalSpy all(rig.panel.get(), &ComparePanel::comparisonFinished);
        // Deltas per column at the moment the first column finishes: all three are already streaming.
        std::map<int, int> deltasAtFirstFinish;
        connect(rig.panel->session(), &CompareSession::finished, this, [&] {
            if (!deltasAtFirstFinish.empty())
                return;
            for (const auto& args : text)
                ++deltasAtFirstFinish[args.at(0).toInt()];
        });
        rig.panel->setPrompt(u"Explain prompt caching in two sentences"_s, u"Be brief."_s);
        auto* prompt = rig.panel->findChild<QPlainTextEdit*>(u"comparePrompt"_s);
        QVERIFY(prompt);
        rig.panel->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(rig.panel.get()));
        prompt->setFocus();
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(rig.panel->busy());
        QVERIFY(!rig.button(u"Send"_s)->isEnabled());
        QVERIFY(rig.button(u"Stop all"_s)->isEnabled());
        QVERIFY(!rig.panel->allFinished());
        QTRY_VERIFY_WITH_TIMEOUT(all.count() == 1, 30000);
        QVERIFY(rig.panel->allFinished());
        for (int c = 0; c < 3; ++c)
            QVERIFY2(deltasAtFirstFinish[c] >= 1, qPrintable(u"column "_s + QString::number(c)));

        const auto results = outcomes(done, 3);
        QCOMPARE(done.count(), 3);
        std::set<std::string> traceIds;
        for (int c = 0; c < 3; ++c) {
            const CompareOutcome& o = results[static_cast<std::size_t>(c)];
            QVERIFY2(o.ok(), qPrintable(o.reply.error));
            QVERIFY(o.reply.outputTokens > 0 && o.reply.ttftMs && o.tokensPerSecond);
            QCOMPARE(rig.panel->column(c)->text(), o.reply.text);
            QVERIFY(rig.panel->column(c)->errorText().isEmpty());
            const QString figures = rig.panel->column(c)->figures()->text();
            QVERIFY2(figures.contains(u"$"_s) && figures.contains(u"tok/s"_s) &&
                         figures.contains(o.reply.traceId.left(8)),
                     qPrintable(figures));
            traceIds.insert(o.reply.traceId.toStdString());
        }
        // Each metric has a winner, in bold.
        bool cheapest = false, ttft = false, speed = false;
        for (int c = 0; c < 3; ++c) {
            const Emphasis e = rig.panel->column(c)->figures()->emphasis();
            cheapest |= e.cheapest;
            ttft |= e.fastestTtft;
            speed |= e.fastestSpeed;
        }
        QVERIFY(cheapest && ttft && speed);
        QVERIFY2(rig.panel->status().contains(u"3 answers"_s), qPrintable(rig.panel->status()));

        // The traces: source "compare", one session shared by the three, the system prompt sent.
        const auto traces = rig.collected();
        QCOMPARE(traces.size(), size_t{3});
        const std::string session = rig.panel->session()->sessionId().toStdString();
        QVERIFY(!session.empty());
        for (const Trace& t : traces) {
            QCOMPARE(t.summary.source, std::string("compare"));
            QCOMPARE(t.summary.session, session);
            QVERIFY(traceIds.count(t.traceId) == 1);
            QCOMPARE(t.input.front().role, Role::System);
        }

        // The diff of the first two answers, which differ.
        QCOMPARE(rig.panel->diff()->first(), 0);
        QCOMPARE(rig.panel->diff()->second(), 1);
        QVERIFY(rig.panel->diff()->html().contains(u"line-through"_s));
        QVERIFY(!rig.panel->diff()->plainText().isEmpty());
        rig.panel->diff()->select(2, 2); // an answer against itself: nothing struck out
        QVERIFY(!rig.panel->diff()->html().contains(u"line-through"_s));
        QCOMPARE(rig.panel->diff()->plainText(), rig.panel->column(2)->text());
    }

    void stopAllCancelsEveryColumn()
    {
        Rig rig(3000);
        QSignalSpy done(rig.panel.get(), &ComparePanel::columnFinished);
        rig.panel->setPrompt(u"Write a very long story"_s);
        rig.panel->send();
        QTRY_VERIFY_WITH_TIMEOUT(!rig.panel->column(0)->text().isEmpty() &&
                                     !rig.panel->column(1)->text().isEmpty() &&
                                     !rig.panel->column(2)->text().isEmpty(),
                                 10000);
        QTest::keyClick(rig.panel.get(), Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(rig.panel->allFinished(), 5000);
        QCOMPARE(done.count(), 3);
        for (const CompareOutcome& o : outcomes(done, 3)) {
            QVERIFY(o.reply.cancelled);
            QVERIFY(!o.reply.text.isEmpty());
        }
        for (int c = 0; c < 3; ++c) {
            QCOMPARE(rig.panel->column(c)->errorText(), u"Stopped."_s);
            QVERIFY(!rig.panel->column(c)->streaming());
        }
        QVERIFY(!rig.panel->busy());
        QVERIFY(rig.button(u"Send"_s)->isEnabled());
        QVERIFY(!rig.button(u"Stop all"_s)->isEnabled());
        QVERIFY2(rig.panel->status().contains(u"3 stopped"_s), qPrintable(rig.panel->status()));
        QTRY_COMPARE_WITH_TIMEOUT(rig.collected().size(), size_t{3}, 5000);
        for (const Trace& t : rig.collected())
            QCOMPARE(t.summary.status, std::string("cancelled"));
    }

    void unknownModelFailsAlone()
    {
        Rig rig;
        rig.panel->column(1)->selectModel(u"nowhere"_s, u"no-such-model"_s);
        QSignalSpy done(rig.panel.get(), &ComparePanel::columnFinished);
        rig.panel->setPrompt(u"hello"_s);
        rig.panel->send();
        QTRY_VERIFY_WITH_TIMEOUT(rig.panel->allFinished(), 30000);
        const auto results = outcomes(done, 3);
        QVERIFY(!results[1].ok() && !results[1].reply.cancelled);
        QVERIFY2(rig.panel->column(1)->errorText().contains(u"nowhere"_s),
                 qPrintable(rig.panel->column(1)->errorText()));
        QCOMPARE(rig.panel->column(1)->figures()->emphasis(), Emphasis{});
        for (int c : {0, 2}) {
            QVERIFY(results[static_cast<std::size_t>(c)].ok());
            QVERIFY(!rig.panel->column(c)->text().isEmpty());
            QVERIFY(rig.panel->column(c)->errorText().isEmpty());
        }
        QVERIFY2(rig.panel->status().contains(u"1 failed"_s), qPrintable(rig.panel->status()));
        // Usable again at once.
        rig.panel->column(1)->selectModel(u"simulated"_s, u"gpt-4.1-nano"_s);
        rig.panel->send();
        QVERIFY(rig.panel->busy());
        QTRY_VERIFY_WITH_TIMEOUT(rig.panel->allFinished(), 30000);
        QVERIFY(rig.panel->column(1)->errorText().isEmpty());
    }

    void columnsStayBetweenTwoAndFour()
    {
        Rig rig;
        QVERIFY(rig.panel->addColumn(u"simulated"_s, u"gpt-4.1"_s));
        QCOMPARE(rig.panel->columnCount(), 4);
        QVERIFY(!rig.button(u"Add column"_s)->isEnabled());
        QVERIFY(!rig.panel->addColumn());
        rig.panel->removeColumn(0);
        rig.panel->removeColumn(0);
        QCOMPARE(rig.panel->columnCount(), 2);
        QCOMPARE(rig.panel->column(0)->model(), u"gemini-2.5-flash"_s);
        rig.panel->removeColumn(0); // two is the least
        QVERIFY(rig.panel->addColumn()); // offers a model not shown yet
        QCOMPARE(rig.panel->column(2)->model(), u"gpt-4o-mini"_s);
        rig.panel->removeColumn(2);
        QCOMPARE(rig.panel->columnCount(), 2);
        QVERIFY(rig.button(u"Add column"_s)->isEnabled());
        // Sending with no prompt says so and sends nothing.
        rig.panel->send();
        QVERIFY(!rig.panel->busy());
        QCOMPARE(rig.panel->status(), u"Write a prompt first."_s);
    }

    void noPipelineSaysSo()
    {
        ComparePanel panel(nullptr);
        panel.resize(800, 600);
        panel.show();
        bool told = false;
        for (auto* label : panel.findChildren<QLabel*>())
            told |= label->text().contains(u"engine"_s);
        QVERIFY(told);
        panel.runExample();
        QVERIFY(!panel.busy());
        QVERIFY(panel.allFinished());
        QCOMPARE(panel.columnCount(), 0);
    }

    // The screenshot's scene; with TOKENSCOPE_SHOT_DIR set it saves compare.png there.
    void runExampleFinishes()
    {
        Rig rig(220);
        rig.panel->removeColumn(0);
        rig.panel->runExample();
        QCOMPARE(rig.panel->columnCount(), 3);
        QCOMPARE(rig.panel->column(0)->model(), u"gpt-4o-mini"_s);
        QVERIFY(rig.panel->busy());
        const QByteArray dir = qgetenv("TOKENSCOPE_SHOT_DIR");
        if (!dir.isEmpty()) {
            QTRY_VERIFY_WITH_TIMEOUT(rig.panel->column(0)->text().size() > 200, 10000);
            QVERIFY(rig.panel->grab().save(QString::fromLocal8Bit(dir) + u"/compare-streaming.png"_s));
        }
        QTRY_VERIFY_WITH_TIMEOUT(rig.panel->allFinished(), 30000);
        for (int c = 0; c < 3; ++c)
            QVERIFY(rig.panel->column(c)->errorText().isEmpty());
        if (!dir.isEmpty())
            QVERIFY(rig.panel->grab().save(QString::fromLocal8Bit(dir) + u"/compare.png"_s));
    }
};

QTEST_MAIN(TestCompare)
#include "test_compare.moc"
