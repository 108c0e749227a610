// The playground counts the prompt as it is typed: off the GUI thread, after a pause, newest draft
// wins; a 1 MB paste leaves the window responsive; an exact count can replace the estimate.
#include "bridge/playground_session.h"
#include "catalog/catalog.h"
#include "playground/exact_counter.h"
#include "playground/meter_controller.h"
#include "playground/meter_text.h"
#include "playground/playground_panel.h"
#include "playground/prompt_counter.h"
#include "playground/token_meter.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>
#include <atomic>
#include <thread>

using namespace ts;
using namespace ts::ui;

namespace {

// A session that never sends: the tests here only type.
class IdleSession final : public PlaygroundSession
{
  public:
    void send(const ChatRequest&) override {}
    void stop() override {}
    bool busy() const override { return false; }
    std::vector<std::pair<QString, QStringList>> models() const override
    {
        return {
            {QStringLiteral("simulated"), {QStringLiteral("gpt-4o-mini"), QStringLiteral("gpt-3.5-turbo")}}};
    }
};

// Counts how often the event loop gets round to a 10 ms timer.
struct Ticker
{
    QTimer timer;
    int ticks = 0;
    Ticker()
    {
        QObject::connect(&timer, &QTimer::timeout, [this] { ++ticks; });
        timer.start(10);
    }
};

TokenCount slowCount(const QString&, const std::vector<Message>& messages)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    return TokenCount{
        .tokens = static_cast<std::int64_t>(messages.back().content.size()), .exact = true, .method = "fake"};
}

QString oneMegabyte()
{
    QString text;
    text.reserve(1 << 20);
    const QString line = QStringLiteral(
        "The quick brown fox jumps over the lazy dog; tokens, costs & context windows. 12345\n");
    while (text.size() < (1 << 20))
        text += line;
    return text;
}

} // namespace

class TestPlaygroundCounting : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void countsOnceAfterTypingPauses()
    {
        std::vector<Message> messages{{Role::System, "Be brief."}};
        PromptDraft draft{QStringLiteral("gpt-4o-mini"), std::nullopt, messages, QString()};
        PromptCounter counter([&draft] { return draft; });
        QSignalSpy started(&counter, &PromptCounter::started);
        QSignalSpy counted(&counter, &PromptCounter::counted);
        for (const QString& typed : {QStringLiteral("H"), QStringLiteral("He"), QStringLiteral("Hello"),
                                     QStringLiteral("Hello there")}) {
            draft.draft = typed;
            counter.changed();
        }
        QCOMPARE(started.count(), 1);
        QTRY_COMPARE(counted.count(), 1);
        QTest::qWait(250);
        QCOMPARE(counted.count(), 1); // one count for the whole burst
        messages.push_back({Role::User, "Hello there"});
        const TokenCount expected = ModelTokenCounter::forModel("gpt-4o-mini").countChat(messages);
        const auto result = counted.at(0).at(0).value<PromptCount>();
        QCOMPARE(result.count.tokens, expected.tokens);
        QCOMPARE(result.count.exact, expected.exact);
        QCOMPARE(result.model, QStringLiteral("gpt-4o-mini"));
    }

    void staleResultsAreDropped()
    {
        PromptDraft draft{QStringLiteral("m"), std::nullopt, {}, QStringLiteral("first draft")};
        std::atomic<int> running{0};
        PromptCounter counter([&draft] { return draft; }, nullptr,
                              [&running](const QString& m, const std::vector<Message>& msgs) {
                                  ++running;
                                  return slowCount(m, msgs);
                              });
        counter.setDebounceMs(0);
        QSignalSpy counted(&counter, &PromptCounter::counted);
        Ticker ticker;
        counter.changed();
        QTRY_COMPARE(running.load(), 1); // the first count is under way...
        const int ticksBefore = ticker.ticks;
        draft.draft = QStringLiteral("the second, longer draft");
        counter.changed(); // ...when the draft changes
        QTRY_COMPARE_WITH_TIMEOUT(counted.count(), 1, 5000);
        QTest::qWait(500);
        QCOMPARE(counted.count(), 1); // the first draft's count never landed
        QCOMPARE(counted.at(0).at(0).value<PromptCount>().count.tokens, qint64(draft.draft.size()));
        QCOMPARE(running.load(), 2);
        // Two 400 ms counts ran while the event loop kept turning.
        QVERIFY2(ticker.ticks - ticksBefore > 20, qPrintable(QString::number(ticker.ticks - ticksBefore)));
    }

    void megabytePasteKeepsTheWindowResponsive()
    {
        IdleSession session;
        PlaygroundPanel panel(&session);
        panel.resize(1000, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY(panel.meter()->qualifierText() != QStringLiteral("counting…"));
        auto* composer = panel.findChild<QPlainTextEdit*>(QStringLiteral("composer"));
        QSignalSpy counted(panel.meterController()->counter(), &PromptCounter::counted);
        const QString text = oneMegabyte();
        composer->setPlainText(text);
        QCOMPARE(panel.meter()->qualifierText(), QStringLiteral("counting…"));
        Ticker ticker;
        QElapsedTimer clock;
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(counted.count() >= 1, 30000);
        const auto elapsed = clock.elapsed();
        // The loop went round about as often as the 10 ms timer asked while the count ran (a count
        // on the GUI thread would have stalled it for the whole count).
        QVERIFY2(ticker.ticks >= elapsed / 40,
                 qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticker.ticks).arg(elapsed)));
        const TokenCount expected =
            ModelTokenCounter::forModel("gpt-4o-mini").countChat({{Role::User, text.toStdString()}});
        QCOMPARE(counted.last().at(0).value<PromptCount>().count.tokens, expected.tokens);
        QCOMPARE(panel.meter()->countText(), meter::countText(expected.tokens));
        QVERIFY(panel.meter()->qualifierText().startsWith(QStringLiteral("exact (")));
    }

    void systemPromptAndModelSwitchRecount()
    {
        IdleSession session;
        PlaygroundPanel panel(&session);
        panel.show();
        QSignalSpy counted(panel.meterController()->counter(), &PromptCounter::counted);
        panel.setPrompt(QStringLiteral("How many tokens is this?"));
        QTRY_VERIFY(counted.count() >= 1);
        const auto before = counted.last().at(0).value<PromptCount>().count.tokens;
        QPlainTextEdit* system = nullptr;
        for (auto* edit : panel.findChildren<QPlainTextEdit*>())
            if (edit->accessibleName() == QStringLiteral("System prompt"))
                system = edit;
        QVERIFY(system);
        system->setPlainText(QStringLiteral("You are a meticulous assistant who answers in one sentence."));
        const int seen = int(counted.count());
        QTRY_VERIFY(counted.count() > seen);
        QVERIFY(counted.last().at(0).value<PromptCount>().count.tokens > before);
        QCOMPARE(panel.draft().messages.front().role, Role::System);
        auto* combo = panel.findChild<QComboBox*>();
        combo->setCurrentIndex(combo->findText(QStringLiteral("gpt-3.5-turbo"), Qt::MatchStartsWith));
        QTRY_COMPARE(counted.last().at(0).value<PromptCount>().model, QStringLiteral("gpt-3.5-turbo"));
    }

    void exactCountReplacesTheEstimate()
    {
        const auto catalog = Catalog::current();
        const auto claude = std::find_if(catalog->models().begin(), catalog->models().end(),
                                         [](const ModelInfo& m) { return m.tokenizer == "estimate:claude"; });
        QVERIFY(claude != catalog->models().end());
        PromptDraft draft{
            QString::fromStdString(claude->id), std::nullopt, {}, QStringLiteral("Count me exactly")};
        std::atomic<int> asked{0};
        TokenMeter meter;
        MeterController controller(
            &meter, [&draft] { return draft; }, nullptr,
            [&asked](const ChatRequest& r, const CancelToken*) -> std::variant<std::int64_t, ProviderError> {
                ++asked;
                return r.messages.back().content == "Count me exactly" ? 4321 : -1;
            });
        controller.changed();
        QTRY_COMPARE(meter.qualifierText(), QStringLiteral("estimate"));
        QVERIFY(!meter.exactButton()->isHidden()); // offered for Claude models
        QVERIFY(meter.exactButton()->isEnabled());
        meter.exactButton()->click();
        QTRY_COMPARE(meter.qualifierText(), QStringLiteral("exact (Anthropic count_tokens)"));
        QCOMPARE(meter.countText(), QStringLiteral("4,321 tokens"));
        QCOMPARE(asked.load(), 1);
        controller.changed(); // typing again drops the exact figure until asked again
        QCOMPARE(meter.qualifierText(), QStringLiteral("counting…"));
        QTRY_COMPARE(meter.qualifierText(), QStringLiteral("estimate"));
    }

    void cancelledExactCountNeverLands()
    {
        ExactCounter counter(
            nullptr,
            [](const ChatRequest&, const CancelToken* cancel) -> std::variant<std::int64_t, ProviderError> {
                for (int i = 0; i < 100 && !cancel->cancelled(); ++i)
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                return 99;
            });
        QSignalSpy counted(&counter, &ExactCounter::counted);
        QSignalSpy failed(&counter, &ExactCounter::failed);
        counter.start({});
        counter.cancel();
        QTest::qWait(700);
        QCOMPARE(counted.count(), 0);
        QCOMPARE(failed.count(), 0);
        counter.start({});
        QTRY_COMPARE(counted.count(), 1);
    }
};

QTEST_MAIN(TestPlaygroundCounting)
#include "test_playground_counting.moc"
