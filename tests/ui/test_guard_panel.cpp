// The Guardrails panel on a small workspace of hand-built traces with guard spans (input findings
// redacted, a blocked request, output findings masked, a message with multi-byte characters): the
// figures by detector and action, the blocked table and opening a trace from it, re-reading when
// traces arrive, the policy editor's live check and a save that rewrites the "guard" section alone,
// and the highlights of flagged ranges in a trace's messages and span detail.
#include "charts/time_series_chart.h"
#include "common/format.h"
#include "gateway/gateway_controller.h"
#include "gateway/pipeline.h"
#include "guard/guard_blocked_table.h"
#include "guard/guard_findings_view.h"
#include "guard/guard_panel.h"
#include "guard/guard_policy_editor.h"
#include "guard/guard_policy_section.h"
#include "guard/guard_record.h"
#include "guard/guard_series.h"
#include "providers/simulated.h"
#include "qtest_std_string.h"
#include "trace_fixtures.h"
#include "traces/conversation_html.h"
#include "traces/guard_marks.h"
#include "traces/span_tree_model.h"
#include "traces/span_view.h"
#include "traces/trace_detail_view.h"

#include <QComboBox>
#include <QFile>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTreeView>
#include <nlohmann/json.hpp>
#include <set>

using namespace Qt::StringLiterals;
using namespace ts;
using namespace ts::ui::guardpanel;
using ts::guard::Action;
using ts::guard::Category;
using ts::guard::RecordedFinding;

namespace {

constexpr int kWaitMs = 10'000;
constexpr Nanos kDay = 24 * 3600 * kNsPerSec;
const std::string kUtf8Message = "Grüße aus Köln → café: [EMAIL_1] 🙂 danke";

// A finding over the first occurrence of `what` in `text`, in bytes.
RecordedFinding over(const std::string& text, const std::string& what, const std::string& type, int message,
                     Action action, Category category = Category::PersonalData)
{
    const std::size_t at = text.find(what);
    return {type, category, message, at, at + what.size(), 1.0, action};
}

std::string typesOf(const std::vector<RecordedFinding>& findings)
{
    std::set<std::string> types;
    for (const auto& f : findings)
        types.insert(f.type);
    std::string out;
    for (const auto& t : types)
        out += (out.empty() ? "" : ",") + t;
    return out;
}

Span guardSpan(const uitest::TraceSpec& spec, const std::string& stage,
               const std::vector<RecordedFinding>& findings, const std::string& blockedFor = {})
{
    const bool input = stage == "guard.input";
    Span span = uitest::makeSpan(spec, stage, stage, uitest::hexId(spec.index * 16 + 1, 16), input ? 1 : 1190,
                                 input ? 4 : 1195, input ? 1 : 3);
    span.attributes["tokenscope.guard.policy"] = std::string("strict");
    span.attributes[std::string(attr::kGuardFindings)] = static_cast<std::int64_t>(findings.size());
    span.attributes[std::string(ts::guard::kAttrTypes)] = typesOf(findings);
    span.attributes[std::string(ts::guard::kAttrDetail)] = ts::guard::writeDetail(findings);
    if (!blockedFor.empty()) {
        span.attributes[std::string(ts::guard::kAttrBlocked)] = true;
        span.attributes[std::string(ts::guard::kAttrReason)] = blockedFor;
        span.status = SpanStatus::Error;
        span.statusMessage = blockedFor;
    }
    return span;
}

uitest::TraceSpec specAt(int index, int day)
{
    uitest::TraceSpec spec;
    spec.index = index;
    spec.start += day * kDay + index * 60 * kNsPerSec;
    return spec;
}

// The user's message (the second input message) says `text`; the guards found `in` in it and `out` in the
// answer.
Trace guarded(int index, int day, const std::string& text, std::vector<RecordedFinding> in,
              const std::string& answer, std::vector<RecordedFinding> out)
{
    const uitest::TraceSpec spec = specAt(index, day);
    Trace trace = uitest::makeTrace(spec);
    trace.input[1].content = text;
    trace.output[0].content = answer;
    trace.spans[1] = guardSpan(spec, "guard.input", in);
    trace.spans.push_back(guardSpan(spec, "guard.output", out));
    summarize(trace);
    return trace;
}

Trace blockedTrace(int index, int day)
{
    const uitest::TraceSpec spec = specAt(index, day);
    Trace trace = uitest::makeTrace(spec);
    const std::string text = "Use my key sk-proj-abc123def456ghi789 to deploy";
    trace.input[1].content = text;
    const std::string reason = "blocked: secret (openai_key) in the request";
    trace.spans = {trace.spans[0], guardSpan(spec, "guard.input",
                                             {over(text, "sk-proj-abc123def456ghi789", "openai_key", 1,
                                                   Action::Block, Category::Secret)},
                                             reason)};
    trace.spans[0].status = SpanStatus::Error;
    trace.spans[0].statusMessage = reason;
    trace.spans[0].attributes[std::string(attr::kErrorType)] = std::string("config");
    trace.output.clear();
    trace.exchanges.clear();
    summarize(trace);
    return trace;
}

std::vector<Trace> workspaceTraces()
{
    const std::string mail = "Mail me at [EMAIL_1] or call [PHONE_1].";
    const std::string answer = "Write to j***@e***.com or p***@e***.com today.";
    return {guarded(0, 0, mail,
                    {over(mail, "[EMAIL_1]", "email", 1, Action::Redact),
                     over(mail, "[PHONE_1]", "phone", 1, Action::Redact)},
                    "Noted.", {}),
            blockedTrace(1, 0),
            guarded(2, 1, "What is up?", {}, answer,
                    {over(answer, "j***@e***.com", "email", ts::guard::kOutputMessage, Action::Mask),
                     over(answer, "p***@e***.com", "email", ts::guard::kOutputMessage, Action::Mask)}),
            guarded(3, 1, kUtf8Message, {over(kUtf8Message, "[EMAIL_1]", "email", 1, Action::Redact)},
                    "Danke!", {})};
}

QStringList rowTexts(const QTableWidget* table, int row)
{
    QStringList out;
    for (int c = 0; c < table->columnCount(); ++c)
        out << (table->item(row, c) ? table->item(row, c)->text() : QString());
    return out;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// The tooltip and background of the character at `position` of the document (0-based).
std::pair<QString, QColor> markAt(const QTextDocument& doc, int position)
{
    QTextCursor cursor(const_cast<QTextDocument*>(&doc));
    cursor.setPosition(position + 1); // charFormat() is the format of the character before the cursor
    const QTextCharFormat format = cursor.charFormat();
    return {format.toolTip(),
            format.hasProperty(QTextFormat::BackgroundBrush) ? format.background().color() : QColor()};
}

const QByteArray kConfig = R"({
  "routes": [
    {"name": "chat",   "deployments": [{"provider": "simulated", "model": "gpt-4o"}]}
  ],
  "budgets": []
}
)";

} // namespace

class TestGuardPanel : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void init();
    void cleanup();
    void showsFindingsByTypeAndAction();
    void outputStageAndDays();
    void blockedTableOpensTheTrace();
    void readsAgainWhenTracesArrive();
    void emptyWorkspaceSaysWhatToDo();
    void cancelStopsTheWorker();
    void longReadsShowWhatTheyHaveSoFar();
    void editorRefusesInvalidJson();
    void editorNamesAnUnknownRule();
    void editorSavesTheGuardSectionAlone();
    void editorDefaultPolicy();
    void editorAppliesToThePipeline();
    void splicesTheSection_data();
    void splicesTheSection();
    void highlightsFlaggedText();
    void highlightsSurviveBadRanges();
    void spanDetailListsFindings();

  private:
    std::unique_ptr<GuardPanel> openPanel(bool fill = true);

    std::unique_ptr<QTemporaryDir> dir_;
    std::shared_ptr<TraceStore> store_;
    QString configPath_;
};

void TestGuardPanel::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
    store_ = uitest::openTempStore(*dir_);
    configPath_ = dir_->filePath(u"gateway.json"_s);
}

void TestGuardPanel::cleanup()
{
    store_.reset();
    dir_.reset();
}

std::unique_ptr<GuardPanel> TestGuardPanel::openPanel(bool fill)
{
    if (fill) {
        for (Trace& t : workspaceTraces())
            store_->write(std::move(t));
        store_->flush();
    }
    auto panel = std::make_unique<GuardPanel>(store_, configPath_, nullptr);
    QSignalSpy shown(panel.get(), &GuardPanel::analysisShown);
    panel->resize(1200, 800);
    panel->show(); // the first show starts the analysis
    if (!shown.wait(kWaitMs))
        return nullptr;
    return panel;
}

void TestGuardPanel::showsFindingsByTypeAndAction()
{
    const auto panel = openPanel();
    QVERIFY(panel);
    QVERIFY(panel->settled());
    QCOMPARE(panel->statusText(), u"Read all 4 traces."_s);
    QVERIFY(panel->coverageText().contains(u"names, postal addresses"_s));
    QVERIFY(panel->coverageText().contains(u"pattern-based"_s));
    QVERIFY(panel->coverageText().contains(u"heuristic"_s));
    FindingsView* f = panel->findings();
    QCOMPARE(f->stage(), Stage::Input);
    QCOMPARE(
        f->summary(),
        u"The input guard ran 4 checks: 3 found something (4 findings in all); 1 blocked the request."_s);
    const QTableWidget* totals = f->totals();
    QVERIFY(totals->isVisibleTo(panel.get()));
    QCOMPARE(totals->horizontalHeaderItem(2)->text(), u"Block"_s);
    QCOMPARE(totals->horizontalHeaderItem(3)->text(), u"Redact"_s);
    QCOMPARE(totals->rowCount(), 4);
    QCOMPARE(rowTexts(totals, 0), (QStringList{u"email"_s, u"2"_s, u"–"_s, u"2"_s}));
    QCOMPARE(rowTexts(totals, 1), (QStringList{u"openai_key"_s, u"1"_s, u"1"_s, u"–"_s}));
    QCOMPARE(rowTexts(totals, 2), (QStringList{u"phone"_s, u"1"_s, u"–"_s, u"1"_s}));
    QCOMPARE(rowTexts(totals, 3), (QStringList{u"All types"_s, u"4"_s, u"1"_s, u"3"_s}));
    QVERIFY(f->chart()->hasChart());
    const auto& data = f->chart()->data();
    QCOMPARE(data.days.size(), 2);
    QCOMPARE(data.series.size(), 3);
    QCOMPARE(data.series[0].name, u"email"_s);
    QCOMPARE(data.series[0].values, (QList<double>{1, 1}));
    QCOMPARE(data.series[1].values, (QList<double>{1, 0}));
}

void TestGuardPanel::outputStageAndDays()
{
    const auto panel = openPanel();
    QVERIFY(panel);
    FindingsView* f = panel->findings();
    f->stageBox()->setCurrentIndex(1);
    QCOMPARE(f->stage(), Stage::Output);
    QCOMPARE(f->summary(), u"The output guard ran 3 checks: 1 found something (2 findings in all)."_s);
    QCOMPARE(rowTexts(f->totals(), 0), (QStringList{u"email"_s, u"2"_s, u"2"_s}));
    QCOMPARE(f->totals()->horizontalHeaderItem(2)->text(), u"Mask"_s);
    const auto& data = f->chart()->data();
    QCOMPARE(data.series.size(), 1);
    QCOMPARE(data.series[0].values, (QList<double>{0, 2})); // the first day had guarded answers, none flagged
    QVERIFY(f->chart()->csv().startsWith(u"day,email\n"_s));
}

void TestGuardPanel::blockedTableOpensTheTrace()
{
    const auto panel = openPanel();
    QVERIFY(panel);
    BlockedTable* table = panel->blocked();
    QCOMPARE(panel->tabs()->tabText(1), u"Blocked requests (1)"_s);
    QCOMPARE(table->requestCount(), 1);
    const Trace blocked = blockedTrace(1, 0);
    QCOMPARE(rowTexts(table, 0), (QStringList{ui::format::timestamp(blocked.spans[0].start), u"input"_s,
                                              u"strict"_s, u"blocked: secret (openai_key) in the request"_s,
                                              u"openai_key"_s, u"gpt-4o-mini"_s, u"alice"_s}));
    QSignalSpy open(panel.get(), &GuardPanel::openTrace);
    panel->tabs()->setCurrentIndex(1);
    QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    QTRY_VERIFY(table->isVisible());
    const QRect cell = table->visualRect(table->model()->index(0, BlockedTable::Reason));
    QCOMPARE(table->indexAt(cell.center()).row(), 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center()); // a double-click's first click
    QCOMPARE(open.count(), 0);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.at(0).at(0).toString(), QString::fromStdString(uitest::traceIdOf(1)));
}

void TestGuardPanel::readsAgainWhenTracesArrive()
{
    const auto panel = openPanel();
    QVERIFY(panel);
    store_->write(blockedTrace(7, 2));
    store_->flush();
    QTRY_COMPARE_WITH_TIMEOUT(panel->blocked()->requestCount(), 2, kWaitMs);
    QTRY_VERIFY(panel->settled());
    QCOMPARE(panel->statusText(), u"Read all 5 traces."_s);
    QCOMPARE(panel->blocked()->traceIdAt(0), QString::fromStdString(uitest::traceIdOf(7))); // newest first
    QCOMPARE(panel->tabs()->tabText(1), u"Blocked requests (2)"_s);
}

void TestGuardPanel::emptyWorkspaceSaysWhatToDo()
{
    auto panel = openPanel(false);
    QVERIFY(panel);
    QCOMPARE(panel->statusText(), u"No traces in this workspace yet."_s);
    QVERIFY(panel->findings()->chart()->message().startsWith(u"No traces in this workspace yet"_s));
    QVERIFY(!panel->findings()->totals()->isVisibleTo(panel.get()));
    // Traces without a guard policy: the panel says how to get findings.
    uitest::fillStore(*store_, 3);
    QTRY_COMPARE_WITH_TIMEOUT(panel->statusText(), u"Read all 3 traces."_s, kWaitMs);
    QVERIFY(panel->findings()->chart()->message().startsWith(
        u"No request in this workspace went through a guard policy"_s));
    QVERIFY(panel->blocked()->item(0, 0)->text().startsWith(u"No request has been checked"_s));
}

void TestGuardPanel::cancelStopsTheWorker()
{
    uitest::fillStore(*store_, 400);
    GuardPanel panel(store_, configPath_, nullptr);
    QSignalSpy shown(&panel, &GuardPanel::analysisShown);
    panel.refresh();
    QVERIFY(panel.analyzing());
    panel.cancel();
    QVERIFY(!panel.analyzing());
    QCOMPARE(panel.statusText(), u"Cancelled. Refresh reads the traces again."_s);
    QTest::qWait(300); // whatever the cancelled job still sends is dropped
    QCOMPARE(shown.count(), 0);
    panel.refresh();
    QVERIFY(shown.wait(kWaitMs));
    QCOMPARE(panel.statusText(), u"Read all 400 traces."_s);
}

void TestGuardPanel::longReadsShowWhatTheyHaveSoFar()
{
    uitest::fillStore(*store_, 300, 10); // trace ids apart from the guarded four
    for (Trace& t : workspaceTraces())
        store_->write(std::move(t));
    store_->flush();
    const auto reader = store_->reader();
    CancelToken cancel;
    std::vector<std::int64_t> soFar;
    const auto whole = analyzeWorkspace(
        *reader, 1000, cancel, [](std::size_t, std::size_t) {},
        [&](const GuardAnalysis& a) { soFar.push_back(a.tracesRead); });
    QVERIFY(whole);
    QCOMPARE(soFar, (std::vector<std::int64_t>{250})); // then the whole, 304 traces
    QCOMPARE(whole->tracesRead, 304);
    QCOMPARE(whole->input.total(), 4);
}

void TestGuardPanel::editorRefusesInvalidJson()
{
    writeFile(configPath_, kConfig);
    PolicyEditor editor(configPath_, nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(!editor.loading(), kWaitMs);
    QCOMPARE(editor.text(), QString()); // no guard section yet
    QVERIFY(editor.message().contains(u"no guard section"_s));
    editor.edit()->setPlainText(u"{\"input\": {\"email\": \"redact\""_s);
    QVERIFY(!editor.saveButton()->isEnabled()); // off from the first keystroke until the check
    editor.validateNow();
    QVERIFY(!editor.valid());
    QVERIFY(editor.problem().contains(u"not JSON"_s));
    QCOMPARE(editor.verdict(), editor.problem());
    QVERIFY(!editor.saveButton()->isEnabled());
    editor.edit()->setPlainText(u"{\"input\": {\"email\": \"redact\"}}"_s);
    QTRY_VERIFY(editor.saveButton()->isEnabled()); // checked after a short pause
    QCOMPARE(editor.verdict(), u"✓ Valid policy \"custom\""_s);
}

void TestGuardPanel::editorNamesAnUnknownRule()
{
    PolicyEditor editor(configPath_, nullptr); // no file yet
    QTRY_VERIFY_WITH_TIMEOUT(!editor.loading(), kWaitMs);
    editor.edit()->setPlainText(u"{\"input\": {\"postal_address\": \"redact\"}}"_s);
    editor.validateNow();
    QVERIFY(!editor.valid());
    QVERIFY(editor.problem().contains(u"input.postal_address"_s));
    QVERIFY(editor.problem().contains(u"unknown rule"_s));
    QVERIFY(editor.problem().contains(u"personal_data"_s)); // the known names are listed
    QVERIFY(!editor.saveButton()->isEnabled());
    editor.edit()->setPlainText(u"{\"output\": {\"schema\": \"explode\"}}"_s);
    editor.validateNow();
    QVERIFY(editor.problem().contains(u"unknown action \"explode\""_s));
}

void TestGuardPanel::editorSavesTheGuardSectionAlone()
{
    writeFile(configPath_, kConfig);
    PolicyEditor editor(configPath_, nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(!editor.loading(), kWaitMs);
    editor.edit()->setPlainText(u"{\"name\": \"strict\", \"input\": {\"secret\": \"block\"}}"_s);
    editor.validateNow();
    QVERIFY(editor.saveButton()->isEnabled());
    QSignalSpy saved(&editor, &PolicyEditor::saved);
    editor.save();
    QVERIFY(saved.wait(kWaitMs));
    QCOMPARE(saved.at(0).at(0).toString(), QString());
    QCOMPARE(editor.message(), u"Saved to "_s + configPath_ + u'.');
    const QByteArray written = readAll(configPath_);
    // Every byte of the other sections is where it was: the section went in after the last one.
    const QByteArray before = kConfig.left(kConfig.lastIndexOf(']') + 1);
    QVERIFY(written.startsWith(before));
    QCOMPARE(written.mid(before.size()),
             QByteArray(",\n  \"guard\": {\n    \"name\": \"strict\",\n    \"input\": {\n"
                        "      \"secret\": \"block\"\n    }\n  }\n}\n"));
    const auto json = nlohmann::json::parse(written.toStdString());
    QCOMPARE(json["guard"]["input"]["secret"].get<std::string>(), std::string("block"));
    QCOMPARE(json["routes"][0]["name"].get<std::string>(), std::string("chat"));
    // Saved again with another policy: the section is replaced where it is.
    editor.edit()->setPlainText(u"{\"input\": {\"email\": \"mask\"}}"_s);
    editor.save();
    QVERIFY(saved.wait(kWaitMs));
    const QByteArray again = readAll(configPath_);
    QVERIFY(again.startsWith(
        QByteArray(before + ",\n  \"guard\": {\n    \"input\": {\n      \"email\": \"mask\"")));
    // Reading the file back shows the section saved.
    editor.reload();
    QTRY_VERIFY_WITH_TIMEOUT(!editor.loading(), kWaitMs);
    QCOMPARE(editor.text(), u"{\n  \"input\": {\n    \"email\": \"mask\"\n  }\n}"_s);
}

void TestGuardPanel::editorDefaultPolicy()
{
    PolicyEditor editor(configPath_, nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(!editor.loading(), kWaitMs);
    QVERIFY(editor.ruleList()->findItems(u"system_prompt_leak"_s, Qt::MatchExactly).size() == 1);
    QVERIFY(editor.ruleList()->findItems(u"email"_s, Qt::MatchExactly).size() == 1);
    editor.defaultButton()->click();
    QVERIFY(editor.valid());
    QCOMPARE(editor.verdict(), u"✓ Valid policy \"default\""_s);
    QVERIFY(editor.text().contains(u"\"personal_data\": \"redact\""_s));
    QVERIFY(editor.saveButton()->isEnabled());
}

void TestGuardPanel::editorAppliesToThePipeline()
{
    writeFile(configPath_, kConfig);
    auto registry = std::make_shared<ProviderRegistry>();
    registry->add(std::make_shared<SimulatedProvider>(SimulatedConfig{}));
    ui::GatewaySetup setup;
    setup.pipeline = std::make_shared<Pipeline>(registry, [](Trace) {});
    ui::GatewayController controller(setup);
    PolicyEditor editor(configPath_, &controller);
    QTRY_VERIFY_WITH_TIMEOUT(!editor.loading(), kWaitMs);
    editor.edit()->setPlainText(u"{\"name\": \"strict\", \"input\": {\"secret\": \"block\"}}"_s);
    QSignalSpy saved(&editor, &PolicyEditor::saved);
    editor.save();
    QVERIFY(saved.wait(kWaitMs));
    QCOMPARE(editor.message(), u"Saved and applied: new requests are checked under policy \"strict\"."_s);
    QVERIFY(controller.config());
    QVERIFY(controller.config()->guard);
    QCOMPARE(controller.config()->guard->name, std::string("strict"));
    QCOMPARE(controller.config()->routes.size(), std::size_t{1}); // the rest of the file came along
}

void TestGuardPanel::splicesTheSection_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("guard");
    QTest::addColumn<QString>("expected");
    const QString policy = u"{\"input\":{\"email\":\"mask\"}}"_s;
    const QString section = u"{\n    \"input\": {\n      \"email\": \"mask\"\n    }\n  }"_s;
    QTest::newRow("no file") << QString() << policy << u"{\n  \"guard\": "_s + section + u"\n}\n"_s;
    QTest::newRow("empty object") << u"{}"_s << policy << u"{\n  \"guard\": "_s + section + u"\n}"_s;
    QTest::newRow("appended") << u"{\"a\": [1, {\"b\": \"}\"}],\n \"c\": 2 }"_s << policy
                              << u"{\"a\": [1, {\"b\": \"}\"}],\n \"c\": 2,\n  \"guard\": "_s + section +
                                     u" }"_s;
    QTest::newRow("replaced in the middle")
        << u"{\"a\": 1, \"guard\": {\"x\": \"\\\"}\"}, \"c\": true}"_s << policy
        << u"{\"a\": 1, \"guard\": "_s + section + u", \"c\": true}"_s;
    QTest::newRow("removed, first") << u"{\"guard\": {}, \"c\": true}"_s << QString() << u"{\"c\": true}"_s;
    QTest::newRow("removed, last") << u"{\"a\": 1,\n \"guard\": null\n}"_s << QString() << u"{\"a\": 1\n}"_s;
    QTest::newRow("nothing to remove") << u"{\"a\": 1}"_s << QString() << u"{\"a\": 1}"_s;
}

void TestGuardPanel::splicesTheSection()
{
    QFETCH(QString, config);
    QFETCH(QString, guard);
    QFETCH(QString, expected);
    const SplicedConfig spliced = withGuardSection(config, guard);
    QCOMPARE(spliced.error, QString());
    QCOMPARE(spliced.text, expected);
    QVERIFY(!withGuardSection(u"[1, 2]"_s, guard).error.isEmpty()); // not an object: refused, not rewritten
}

void TestGuardPanel::highlightsFlaggedText()
{
    const std::vector<Trace> traces = workspaceTraces();
    ui::TraceDetailView view(nullptr);
    view.setTrace(traces[3]);
    const QTextDocument& doc = *view.messagesView()->document();
    const QString plain = doc.toPlainText();
    const QString message = QString::fromStdString(kUtf8Message);
    const qsizetype messageAt = plain.indexOf(message);
    QVERIFY(messageAt >= 0);
    const int email = static_cast<int>(messageAt + message.indexOf(u"[EMAIL_1]"_s));
    const QColor personal = ui::guardmarks::categoryColor(Category::PersonalData);
    QCOMPARE(markAt(doc, email - 1), (std::pair<QString, QColor>{QString(), QColor()})); // the space before
    QCOMPARE(markAt(doc, email), (std::pair<QString, QColor>{u"email — redacted"_s, personal}));
    QCOMPARE(markAt(doc, email + 8),
             (std::pair<QString, QColor>{u"email — redacted"_s, personal})); // the ']'
    QCOMPARE(markAt(doc, email + 9), (std::pair<QString, QColor>{QString(), QColor()}));
    // The answer's findings mark the answer.
    view.setTrace(traces[2]);
    const QString answerText = view.messagesView()->document()->toPlainText();
    const int masked = static_cast<int>(answerText.indexOf(u"p***@e***.com"_s));
    QCOMPARE(markAt(*view.messagesView()->document(), masked).first, u"email — masked"_s);
    QVERIFY(!view.messagesView()->document()->toPlainText().contains(u"<span"_s));
}

void TestGuardPanel::highlightsSurviveBadRanges()
{
    const std::string text = "Grüße <b>"; // ü is bytes 2-3, ß bytes 4-5
    const auto html = [&](std::size_t start, std::size_t end) {
        return ui::guardmarks::markedHtml(text, {{"x", Category::Secret, 0, start, end, 1.0, Action::Warn}});
    };
    const QString open = u"<span style=\"background-color:#ffb3b3; color:#000000\" title=\"x — warned\">"_s;
    QCOMPARE(html(3, 4), u"Gr"_s + open + u"ü</span>ße &lt;b&gt;"_s);    // inside ü: widened to it
    QCOMPARE(html(5, 1000), u"Grü"_s + open + u"ße &lt;b&gt;</span>"_s); // inside ß, past the end: clamped
    QCOMPARE(html(500, 1000), u"Grüße &lt;b&gt;"_s);                     // wholly outside: nothing
    QCOMPARE(html(4, 4), u"Grüße &lt;b&gt;"_s);                          // empty
    // Overlapping findings split into pieces that name both.
    const QString both =
        ui::guardmarks::markedHtml("abcdef", {{"a", Category::Secret, 0, 0, 4, 1.0, Action::Redact},
                                              {"b", Category::PersonalData, 0, 2, 6, 1.0, Action::Log}});
    QVERIFY(both.contains(u"title=\"a — redacted; b — logged\">cd</span>"_s));
    QVERIFY(both.contains(u"title=\"b — logged\">ef</span>"_s));
}

void TestGuardPanel::spanDetailListsFindings()
{
    ui::SpanView view;
    view.setTrace(workspaceTraces()[0]);
    auto* model = view.model();
    const QModelIndex guard = model->indexOfSpan(uitest::hexId(0 * 16 + 1 + 1, 16));
    QVERIFY(guard.isValid());
    QCOMPARE(model->spanAt(guard)->name, std::string("guard.input"));
    view.tree()->setCurrentIndex(guard);
    const QTableWidget* table = view.attributeTable();
    QStringList rows;
    for (int r = 0; r < table->rowCount(); ++r)
        rows << table->item(r, 0)->text() + u" = "_s + table->item(r, 1)->text();
    QVERIFY2(rows.contains(u"finding: email = redacted · score 1.00 · message 2, bytes 11–20"_s),
             qPrintable(rows.join(u'\n')));
    QVERIFY(rows.contains(u"finding: phone = redacted · score 1.00 · message 2, bytes 29–38"_s));
}

QTEST_MAIN(TestGuardPanel)
#include "test_guard_panel.moc"
