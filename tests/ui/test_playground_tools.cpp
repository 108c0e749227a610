// The playground's tools and structured output, offscreen: tools defined in the form reach the
// request; a reply's tool calls show as blocks that judge their arguments; answering them sends
// [user, assistant + calls, tool results] and the loop can go round again; a JSON-schema response
// format reaches the request and the reply says whether it conforms; a recorded trace with tool
// messages reads back into bubbles; and the real pipeline's simulated model completes the loop.
#include "bridge/pipeline_session.h"
#include "playground/conversation_view.h"
#include "playground/format_form.h"
#include "playground/playground_panel.h"
#include "playground/request_form.h"
#include "playground/schema_editor.h"
#include "playground/tool_call_block.h"
#include "playground/tool_calls_view.h"
#include "playground/tool_editor.h"
#include "playground/tools_form.h"
#include "providers/simulated.h"
#include "test_playground_fakes.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

using namespace ts;
using namespace ts::ui;
using ts::ui::test::ScriptedSession;

namespace {

const ToolCall kLisbon{"call_1", "get_weather", R"({"city":"Lisbon","unit":"c"})"};

struct Rig
{
    ScriptedSession session;
    PlaygroundPanel panel{&session};

    Rig()
    {
        panel.resize(1100, 700);
        panel.show();
        panel.form()->toolsForm()->setTools({exampleTool()});
    }
    void ask(const QString& text)
    {
        panel.setPrompt(text);
        panel.send();
    }
    ToolCallsView* calls() const { return panel.conversation()->last()->toolCalls(); }
    void answer(const QStringList& results)
    {
        for (int i = 0; i < results.size(); ++i)
            calls()->blocks().at(static_cast<size_t>(i))->setAnswer(results.at(i));
        calls()->sendButton()->click();
    }
};

std::vector<Role> roles(const ChatRequest& r)
{
    std::vector<Role> out;
    for (const Message& m : r.messages)
        out.push_back(m.role);
    return out;
}

void setFormatCombo(FormatForm* form, const QString& text)
{
    auto* combo = form->findChild<QComboBox*>();
    combo->setCurrentIndex(combo->findText(text));
}

} // namespace

class TestPlaygroundTools : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void offeredToolsReachTheRequest()
    {
        Rig rig;
        rig.panel.form()->toolsForm()->addTool(); // tool_2
        rig.panel.form()->toolsForm()->editors().at(1)->setOffered(false);
        rig.ask(QStringLiteral("weather in Lisbon?"));
        QCOMPARE(rig.session.sent.size(), size_t{1});
        QCOMPARE(rig.session.sent[0].tools.size(), size_t{1});
        QCOMPARE(rig.session.sent[0].tools[0], exampleTool());
    }

    void schemaEditorSaysWhatIsWrong()
    {
        Rig rig;
        ToolEditor* editor = rig.panel.form()->toolsForm()->editors().at(0);
        editor->schema()->setText(
            QStringLiteral("{\n  \"type\": \"object\",\n  \"properties\": {\"a\" 1}\n}"));
        QVERIFY2(editor->problem().startsWith(QStringLiteral("Not valid JSON: line 3, column ")),
                 qPrintable(editor->problem()));
        QVERIFY(editor->schema()->findChild<QLabel*>(QStringLiteral("schemaProblem"))->isVisibleTo(editor));
        editor->schema()->setText(
            QStringLiteral(R"({"type": "object", "properties": {"a": {"type": "text"}}})"));
        QVERIFY2(editor->problem().contains(QStringLiteral("/properties/a/type: \"text\" is not a type")),
                 qPrintable(editor->problem()));
        editor->schema()->setText(QStringLiteral(R"({"type": "string"})"));
        QVERIFY(editor->problem().contains(QStringLiteral("\"type\": \"object\"")));
        // An offered tool that cannot be sent stops Send, and says why.
        rig.ask(QStringLiteral("hi"));
        QCOMPARE(rig.session.sent.size(), size_t{0});
        QVERIFY2(rig.panel.noticeText().startsWith(QStringLiteral("Tool \"get_weather\"")),
                 qPrintable(rig.panel.noticeText()));
        editor->schema()->setText(QString::fromStdString(exampleTool().parametersJson));
        QVERIFY(editor->problem().isEmpty());
        QVERIFY(!editor->schema()->findChild<QLabel*>(QStringLiteral("schemaProblem"))->isVisibleTo(editor));
    }

    void addDuplicateRemove()
    {
        Rig rig;
        ToolsForm* tools = rig.panel.form()->toolsForm();
        auto button = [](ToolEditor* e, const QString& text) {
            for (auto* b : e->findChildren<QToolButton*>())
                if (b->text() == text)
                    return b;
            return static_cast<QToolButton*>(nullptr);
        };
        button(tools->editors().at(0), QStringLiteral("Duplicate"))->click();
        QCOMPARE(tools->editors().size(), size_t{2});
        QCOMPARE(tools->editors().at(1)->definition().name, std::string("get_weather_copy"));
        QCOMPARE(tools->editors().at(1)->definition().parametersJson, exampleTool().parametersJson);
        button(tools->editors().at(0), QStringLiteral("Remove"))->click();
        QCOMPARE(tools->offeredTools().size(), size_t{1});
        QCOMPARE(tools->offeredTools().at(0).name, std::string("get_weather_copy"));
        for (auto* edit : tools->editors().at(0)->findChildren<QLineEdit*>())
            if (edit->accessibleName() == QStringLiteral("Tool name"))
                edit->setText(QStringLiteral("bad name!"));
        QVERIFY(tools->problem().contains(QStringLiteral("letters, digits")));
    }

    void toolCallBlocksJudgeTheArguments()
    {
        Rig rig;
        rig.ask(QStringLiteral("weather?"));
        rig.session.replyCalls({kLisbon,
                                {"call_2", "get_weather", R"({"city": 5})"},
                                {"call_3", "get_weather", R"({"city": "Oslo",)"},
                                {"call_4", "get_time", "{}"}});
        const auto& blocks = rig.calls()->blocks();
        QCOMPARE(blocks.size(), size_t{4});
        QVERIFY2(blocks[0]->argumentsOk(), qPrintable(blocks[0]->verdictText()));
        QVERIFY(blocks[0]->verdictText().contains(QStringLiteral("matches the parameters of get_weather")));
        QVERIFY(blocks[0]->argumentsText().contains(QStringLiteral("\"city\": \"Lisbon\",\n")));
        QVERIFY(!blocks[1]->argumentsOk());
        QVERIFY2(blocks[1]->verdictText().contains(QStringLiteral("/city: expected string, got integer")),
                 qPrintable(blocks[1]->verdictText()));
        QVERIFY(!blocks[2]->argumentsOk());
        QVERIFY2(blocks[2]->verdictText().contains(QStringLiteral("not valid JSON: line 1, column")),
                 qPrintable(blocks[2]->verdictText()));
        QVERIFY(blocks[3]->verdictText().contains(QStringLiteral("no tool named \"get_time\"")));
        QCOMPARE(rig.panel.history().back().toolCalls.size(), size_t{4});
    }

    void answeringSendsToolMessagesAndLoops()
    {
        Rig rig;
        rig.ask(QStringLiteral("weather in Lisbon?"));
        rig.session.replyCalls({kLisbon});
        // No answer yet: nothing is sent.
        rig.calls()->sendButton()->click();
        QCOMPARE(rig.session.sent.size(), size_t{1});
        QVERIFY(rig.panel.noticeText().contains(QStringLiteral("result for each tool call")));

        rig.answer({QStringLiteral(R"({"temperature_c": 21})")});
        QCOMPARE(rig.session.sent.size(), size_t{2});
        const ChatRequest& second = rig.session.sent[1];
        QCOMPARE(roles(second), (std::vector<Role>{Role::User, Role::Assistant, Role::Tool}));
        QCOMPARE(second.messages[1].toolCalls, std::vector<ToolCall>{kLisbon});
        QCOMPARE(second.messages[2].toolCallId, kLisbon.id);
        QCOMPARE(second.messages[2].content, std::string(R"({"temperature_c": 21})"));
        QCOMPARE(second.tools.size(), size_t{1});
        QVERIFY(rig.panel.conversation()->at(1)->toolCalls()->sendButton()->isHidden());
        QVERIFY(rig.panel.conversation()->at(1)->toolCalls()->blocks()[0]->answerEditor()->isHidden());

        // The model calls again; the second round goes the same way.
        const ToolCall porto{"call_9", "get_weather", R"({"city":"Porto"})"};
        rig.session.replyCalls({porto});
        rig.answer({QStringLiteral("18 C, cloudy")});
        QCOMPARE(rig.session.sent.size(), size_t{3});
        QCOMPARE(roles(rig.session.sent[2]),
                 (std::vector<Role>{Role::User, Role::Assistant, Role::Tool, Role::Assistant, Role::Tool}));
        QCOMPARE(rig.session.sent[2].messages[4].toolCallId, porto.id);
        rig.session.replyText(QStringLiteral("Lisbon is warmer."));
        QCOMPARE(rig.panel.history().size(), size_t{6});
        // user, calls, result, calls, result, answer
        QCOMPARE(rig.panel.conversation()->count(), 6);
        QCOMPARE(rig.panel.conversation()->at(2)->accessibleName(),
                 QStringLiteral("Tool result · get_weather"));

        // Edit last goes back to the question, whatever the rounds in between.
        rig.panel.editLastMessage();
        QCOMPARE(rig.panel.history().size(), size_t{0});
        QCOMPARE(rig.panel.conversation()->count(), 0);
    }

    void responseFormatReachesTheRequestAndIsChecked()
    {
        Rig rig;
        FormatForm* format = rig.panel.form()->formatForm();
        setFormatCombo(format, QStringLiteral("JSON schema"));
        rig.ask(QStringLiteral("answer as JSON"));
        const ResponseFormat sent = rig.session.sent.at(0).responseFormat;
        QCOMPARE(sent.type, ResponseFormat::Type::JsonSchema);
        QCOMPARE(sent.name, std::string("answer"));
        QVERIFY(sent.strict);
        QCOMPARE(sent.schemaJson, exampleSchema().toStdString());
        rig.session.replyText(QStringLiteral(R"({"answer": "yes", "confidence": 0.9})"));
        QVERIFY2(rig.panel.conversation()->last()->checkText().startsWith(
                     QStringLiteral("✓ Valid JSON · matches the schema \"answer\"")),
                 qPrintable(rig.panel.conversation()->last()->checkText()));

        rig.ask(QStringLiteral("again"));
        rig.session.replyText(QStringLiteral(R"({"answer": "yes", "confidence": "high", "extra": 1})"));
        const QString violation = rig.panel.conversation()->last()->checkText();
        QVERIFY2(violation.startsWith(QStringLiteral("✗")) &&
                     violation.contains(QStringLiteral("/confidence: expected number, got string")) &&
                     violation.contains(QStringLiteral("/extra: property not allowed")),
                 qPrintable(violation));

        rig.ask(QStringLiteral("and once more"));
        rig.session.replyText(QStringLiteral("Sure! Here it is"));
        QVERIFY(rig.panel.conversation()->last()->checkText().contains(
            QStringLiteral("Not valid JSON: line 1, column")));

        // Text: no check shown; JSON object: the reply must be an object.
        setFormatCombo(format, QStringLiteral("Text"));
        rig.ask(QStringLiteral("plain"));
        QCOMPARE(rig.session.sent.back().responseFormat.type, ResponseFormat::Type::Text);
        rig.session.replyText(QStringLiteral("plain words"));
        QVERIFY(rig.panel.conversation()->last()->checkText().isEmpty());
        setFormatCombo(format, QStringLiteral("JSON object"));
        rig.ask(QStringLiteral("list"));
        rig.session.replyText(QStringLiteral("[1, 2]"));
        QVERIFY(rig.panel.conversation()->last()->checkText().contains(QStringLiteral("not an object")));
    }

    void brokenResponseSchemaStopsSend()
    {
        Rig rig;
        FormatForm* format = rig.panel.form()->formatForm();
        setFormatCombo(format, QStringLiteral("JSON schema"));
        format->schema()->setText(QStringLiteral("{\"type\": \"object\""));
        rig.ask(QStringLiteral("hi"));
        QCOMPARE(rig.session.sent.size(), size_t{0});
        QVERIFY2(rig.panel.noticeText().startsWith(
                     QStringLiteral("Response format: Not valid JSON: line 1, column")),
                 qPrintable(rig.panel.noticeText()));
    }

    void openTraceWithToolMessages()
    {
        Rig rig;
        Trace trace;
        trace.traceId = "0123456789abcdef";
        trace.summary.model = "gpt-4o-mini";
        trace.summary.provider = "simulated";
        trace.summary.simulated = true;
        trace.summary.status = "ok";
        Message calls{Role::Assistant, ""};
        calls.toolCalls = {kLisbon};
        Message result{Role::Tool, "21 C"};
        result.toolCallId = kLisbon.id; // OpenAI's tool messages carry no name
        trace.input = {{Role::System, "Be brief."}, {Role::User, "weather in Lisbon?"}, calls, result};
        trace.output = {{Role::Assistant, "It is 21 C in Lisbon."}};
        rig.panel.openTrace(trace);
        QCOMPARE(rig.panel.conversation()->count(), 4);
        QCOMPARE(rig.panel.history().size(), size_t{4});
        QCOMPARE(rig.panel.history()[1].toolCalls, std::vector<ToolCall>{kLisbon});
        const ToolCallsView* view = rig.panel.conversation()->at(1)->toolCalls();
        QVERIFY(view);
        QCOMPARE(view->blocks().size(), size_t{1});
        QVERIFY(view->blocks()[0]->argumentsOk());
        QVERIFY(view->sendButton()->isHidden()); // answered already
        QCOMPARE(rig.panel.conversation()->at(2)->accessibleName(),
                 QStringLiteral("Tool result · get_weather"));
        QCOMPARE(rig.panel.conversation()->at(2)->text(), QStringLiteral("21 C"));
        QCOMPARE(rig.panel.conversation()->at(3)->text(), QStringLiteral("It is 21 C in Lisbon."));

        // A trace that ended in a call can be answered and continued.
        trace.input.resize(2);
        trace.output = {calls};
        rig.panel.openTrace(trace);
        QCOMPARE(rig.panel.conversation()->count(), 2);
        QVERIFY(!rig.calls()->sendButton()->isHidden());
        rig.answer({QStringLiteral("21 C")});
        QCOMPARE(rig.session.sent.size(), size_t{1});
        QCOMPARE(roles(rig.session.sent[0]),
                 (std::vector<Role>{Role::System, Role::User, Role::Assistant, Role::Tool}));
    }

    void simulatedModelCompletesTheLoop()
    {
        auto providers = std::make_shared<ProviderRegistry>();
        providers->add(std::make_shared<SimulatedProvider>(SimulatedConfig{.seed = 11}));
        auto pipeline = std::make_shared<Pipeline>(providers, [](Trace) {});
        PipelineSession session(pipeline);
        PlaygroundPanel panel(&session);
        panel.resize(1100, 700);
        panel.show();
        // The simulator fills each property with a word of the prompt: a schema it can satisfy.
        panel.form()->toolsForm()->setTools(
            {{"get_weather", "Current weather",
              R"({"type":"object","properties":{"city":{"type":"string"}},"required":["city"]})"}});
        QSignalSpy done(&panel, &PlaygroundPanel::replyFinished);
        panel.setPrompt(QStringLiteral("What is the weather in Lisbon?"));
        panel.send();
        for (int round = 1; round <= 5; ++round) {
            QTRY_VERIFY_WITH_TIMEOUT(done.count() == round, 30000);
            const auto outcome = done.last().at(0).value<ReplyOutcome>();
            QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
            if (outcome.toolCalls.empty())
                break;
            ToolCallsView* view = panel.conversation()->last()->toolCalls();
            QVERIFY2(view->blocks()[0]->argumentsOk(), qPrintable(view->blocks()[0]->verdictText()));
            for (ToolCallBlock* b : view->blocks())
                b->setAnswer(QStringLiteral(R"({"temperature_c": 21})"));
            view->sendButton()->click();
        }
        QVERIFY(done.count() >= 2); // at least one call answered
        QVERIFY(done.last().at(0).value<ReplyOutcome>().toolCalls.empty());
        QCOMPARE(panel.history().back().role, Role::Assistant);
        QVERIFY(std::any_of(panel.history().begin(), panel.history().end(),
                            [](const Message& m) { return m.role == Role::Tool; }));
    }
};

QTEST_MAIN(TestPlaygroundTools)
#include "test_playground_tools.moc"
