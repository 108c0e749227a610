// The playground end to end, offscreen: a prompt typed and sent streams an answer through the real
// pipeline (simulated provider, and a loopback OpenAI-compatible server), shows tokens, cost and
// TTFT under the reply, and lands in the workspace as a trace.
#include "bridge/pipeline_session.h"
#include "mock_openai_server.h"
#include "playground/conversation_view.h"
#include "playground/playground_panel.h"
#include "providers/openai_compat.h"
#include "providers/simulated.h"
#include "trace/store.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ts;
using namespace ts::ui;

namespace {

struct Rig
{
    QTemporaryDir dir;
    std::shared_ptr<TraceStore> store;
    std::shared_ptr<Pipeline> pipeline;
    std::unique_ptr<PipelineSession> session;
    std::unique_ptr<PlaygroundPanel> panel;

    explicit Rig(std::shared_ptr<ProviderRegistry> providers)
    {
        store = TraceStore::open(dir.filePath(QStringLiteral("w.tokenscope")).toStdString(),
                                 TraceStore::OpenMode::CreateIfMissing);
        pipeline = std::make_shared<Pipeline>(providers, [s = store](Trace t) { s->write(std::move(t)); });
        session = std::make_unique<PipelineSession>(pipeline);
        panel = std::make_unique<PlaygroundPanel>(session.get());
        panel->resize(1000, 700);
        panel->show();
    }
    QPushButton* button(const QString& text) const
    {
        for (auto* b : panel->findChildren<QPushButton*>())
            if (b->text() == text)
                return b;
        return nullptr;
    }
};

std::shared_ptr<ProviderRegistry> simulatedOnly(SimulatedConfig config = {})
{
    auto r = std::make_shared<ProviderRegistry>();
    r->add(std::make_shared<SimulatedProvider>(config));
    return r;
}

} // namespace

class TestPlayground : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sendStreamsAndRecordsATrace()
    {
        Rig rig(simulatedOnly());
        QSignalSpy streamed(rig.session.get(), &PlaygroundSession::textArrived);
        QSignalSpy done(rig.panel.get(), &PlaygroundPanel::replyFinished);
        rig.panel->setPrompt(QStringLiteral("Explain prompt caching in two sentences"));
        QTest::mouseClick(rig.button(QStringLiteral("Send")), Qt::LeftButton);
        QVERIFY(!rig.button(QStringLiteral("Send"))->isEnabled());
        QVERIFY(rig.button(QStringLiteral("Stop"))->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 30000);
        QVERIFY(streamed.count() > 2); // it arrived piece by piece
        const auto outcome = done.at(0).at(0).value<ReplyOutcome>();
        QVERIFY(outcome.error.isEmpty());
        QVERIFY(outcome.inputTokens > 0 && outcome.outputTokens > 0);
        QVERIFY(outcome.ttftMs.has_value());
        QVERIFY(outcome.simulated);
        const QString stats = rig.panel->conversation()->last()->statsText();
        QVERIFY2(stats.contains(QStringLiteral("TTFT")) && stats.contains(QStringLiteral("$")), qPrintable(stats));
        // The cost explains itself in the tooltip: tokens x price per line, and the total.
        const QString explained = rig.panel->conversation()->last()->statsToolTip();
        QVERIFY2(explained.contains(QStringLiteral("Output")) && explained.contains(QStringLiteral("Total")), qPrintable(explained));
        QCOMPARE(rig.panel->conversation()->last()->text(), outcome.text);
        QCOMPARE(rig.panel->history().size(), size_t{2});
        QVERIFY(rig.store->flush());
        auto trace = rig.store->reader()->load(outcome.traceId.toStdString());
        QVERIFY(trace.has_value());
        QCOMPARE(trace->summary.source, std::string("playground"));
        QCOMPARE(QString::fromStdString(trace->output.at(0).content), outcome.text);
        QVERIFY(rig.button(QStringLiteral("Send"))->isEnabled());
    }

    void stopCancelsMidStream()
    {
        Rig rig(simulatedOnly({.seed = 3, .defaultOutputTokens = 3000}));
        QSignalSpy streamed(rig.session.get(), &PlaygroundSession::textArrived);
        QSignalSpy done(rig.panel.get(), &PlaygroundPanel::replyFinished);
        rig.panel->setPrompt(QStringLiteral("Write a very long story"));
        rig.panel->send();
        QTRY_VERIFY_WITH_TIMEOUT(streamed.count() > 0, 10000);
        rig.panel->stop();
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 5000);
        const auto outcome = done.at(0).at(0).value<ReplyOutcome>();
        QVERIFY(outcome.cancelled);
        QVERIFY(!outcome.text.isEmpty());
        QVERIFY(rig.store->flush());
        auto rows = rig.store->reader()->page({}, {}, 0, 10);
        QCOMPARE(rows.size(), size_t{1});
        QCOMPARE(rows[0].status, std::string("cancelled"));
    }

    void providerErrorShowsInlineAndStaysUsable()
    {
        test::MockOpenAIServer server;
        auto providers = simulatedOnly();
        OpenAICompatConfig config;
        config.baseUrl = server.baseUrl();
        config.models = {"mock-disconnect", "gpt-4o-mini"};
        providers->add(std::make_shared<OpenAICompatProvider>(config));
        Rig rig(providers);
        QSignalSpy done(rig.panel.get(), &PlaygroundPanel::replyFinished);
        rig.panel->setPrompt(QStringLiteral("hello"));
        // Choose the failing model through the form, as a user would.
        QVERIFY(rig.panel->findChildren<QComboBox*>().size() > 0);
        auto* combo = rig.panel->findChildren<QComboBox*>().first();
        const int index = combo->findText(QStringLiteral("mock-disconnect"), Qt::MatchStartsWith);
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
        rig.panel->send();
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 15000);
        const auto outcome = done.at(0).at(0).value<ReplyOutcome>();
        QVERIFY(!outcome.error.isEmpty());
        QVERIFY(rig.panel->conversation()->last()->hasError());
        QVERIFY(rig.panel->conversation()->last()->statsText().startsWith(QStringLiteral("Error:")));
        QCOMPARE(rig.panel->history().size(), size_t{1}); // the failed reply is not history
        // Still usable: the next send works.
        combo->setCurrentIndex(combo->findText(QStringLiteral("gpt-4o-mini  ·  openai")));
        rig.panel->setPrompt(QStringLiteral("again"));
        rig.panel->send();
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 2, 15000);
        QVERIFY(done.at(1).at(0).value<ReplyOutcome>().error.isEmpty());
    }

    void openTraceThenEditAndResend()
    {
        Rig rig(simulatedOnly());
        QSignalSpy done(rig.panel.get(), &PlaygroundPanel::replyFinished);
        rig.panel->setPrompt(QStringLiteral("first question"));
        rig.panel->send();
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 30000);
        QVERIFY(rig.store->flush());
        const auto id = done.at(0).at(0).value<ReplyOutcome>().traceId.toStdString();
        auto trace = rig.store->reader()->load(id);
        QVERIFY(trace);

        rig.panel->newChat();
        QCOMPARE(rig.panel->conversation()->count(), 0);
        rig.panel->openTrace(*trace);
        QCOMPARE(rig.panel->conversation()->count(), 2); // the question and its reply
        QCOMPARE(rig.panel->history().size(), size_t{2});
        rig.panel->editLastMessage();
        QCOMPARE(rig.panel->conversation()->count(), 0);
        QCOMPARE(rig.panel->findChild<QPlainTextEdit*>(QStringLiteral("composer"))->toPlainText(), QStringLiteral("first question"));
        rig.panel->send();
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 2, 30000);
        QCOMPARE(rig.panel->history().size(), size_t{2});
    }
};

QTEST_MAIN(TestPlayground)
#include "test_playground.moc"
