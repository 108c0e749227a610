// The playground's saved prompts, offscreen: save as, list, filter, open, record sends, pin,
// rename, delete, the compare dialog's diff, and the variables form following the template.
#include "compare/word_diff.h"
#include "playground/prompt_items.h"
#include "playground/prompt_library_view.h"
#include "playground/variables_form.h"
#include "playground/version_compare.h"
#include "prompts/prompt_library.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace ts;
using namespace ts::ui;
using namespace Qt::StringLiterals;
using prompts::PromptVersionDraft;

namespace {

PromptVersionDraft makeDraft(const std::string& text, const std::string& model = "gpt-4o")
{
    PromptVersionDraft d;
    d.content.system = "You are a careful support agent.";
    d.content.templateText = text;
    d.content.provider = "openai";
    d.content.model = model;
    d.content.params.temperature = 0.3;
    d.content.params.maxTokens = 400;
    d.variables = {{"customer", "Ada"}};
    return d;
}

void selectVersions(PromptLibraryView& view, std::initializer_list<int> rows)
{
    QItemSelectionModel* selection = view.versionView()->selectionModel();
    selection->clearSelection();
    for (int r : rows)
        selection->select(view.versionModel()->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

QString cell(QAbstractItemModel* model, int row, int column)
{
    return model->index(row, column).data().toString();
}

} // namespace

class TestPromptLibraryView : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    int counter_ = 0;
    PromptVersionDraft draft_ = makeDraft("Hello {{customer}}, thanks for writing.");

    QString freshWorkspace()
    {
        const QString path = dir_.filePath(u"ws-%1.db"_s.arg(++counter_));
        prompts::PromptLibrary::open(path.toStdString(), TraceStore::OpenMode::CreateIfMissing);
        return path;
    }

    // A view on a fresh workspace with one saved prompt, "Greeting", selected.
    void openWithOnePrompt(PromptLibraryView& view)
    {
        QSignalSpy loaded(&view, &PromptLibraryView::listLoaded);
        view.setWorkspace(freshWorkspace());
        view.setDraftSource([this] { return draft_; });
        QVERIFY(!loaded.isEmpty() || loaded.wait());
        view.saveAs(u"Greeting"_s);
        QTRY_COMPARE(view.promptModel()->rowCount(), 1);
        QTRY_COMPARE(view.versionModel()->rowCount(), 1);
    }

  private Q_SLOTS:
    void saveAsListsThePromptAndOpenEmitsTheVersion()
    {
        PromptLibraryView view;
        QAbstractItemModelTester tester(view.promptModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy current(&view, &PromptLibraryView::currentPromptChanged);
        openWithOnePrompt(view);
        QCOMPARE(cell(view.promptModel(), 0, prompt_items::PromptName), u"Greeting"_s);
        QCOMPARE(cell(view.promptModel(), 0, prompt_items::PromptVersions), u"1"_s);
        QCOMPARE(cell(view.promptModel(), 0, prompt_items::PromptPinned), QString());
        QCOMPARE(view.currentPrompt(), u"Greeting"_s);
        QCOMPARE(current.count(), 1);
        QCOMPARE(cell(view.versionModel(), 0, prompt_items::VersionNumber), u"v1"_s);
        QCOMPARE(cell(view.versionModel(), 0, prompt_items::VersionModel), u"gpt-4o"_s);
        QCOMPARE(cell(view.versionModel(), 0, prompt_items::VersionText), u"Hello {{customer}}, thanks for writing."_s);

        QSignalSpy opened(&view, &PromptLibraryView::openRequested);
        selectVersions(view, {0});
        view.openSelected();
        QCOMPARE(opened.count(), 1);
        const auto version = opened.at(0).at(0).value<prompts::PromptVersion>();
        QCOMPARE(version.number, 1);
        QVERIFY(version.content == draft_.content);
        QVERIFY(version.variables == draft_.variables);
    }

    void aTakenNameIsRefusedInWords()
    {
        PromptLibraryView view;
        openWithOnePrompt(view);
        QSignalSpy failed(&view, &PromptLibraryView::failed);
        view.saveAs(u"greeting"_s);
        // the result may land inside saveAs when the worker is quick
        QVERIFY(!failed.isEmpty() || failed.wait());
        QVERIFY2(view.statusText().contains(u"already exists"_s), qPrintable(view.statusText()));
        QCOMPARE(view.promptModel()->rowCount(), 1);
    }

    void sendsMakeVersionsOnlyWhenSomethingChanged()
    {
        PromptLibraryView view;
        openWithOnePrompt(view);
        QSignalSpy recorded(&view, &PromptLibraryView::versionRecorded);
        PromptVersionDraft same = draft_;
        same.variables = {{"customer", "Grace"}};
        view.recordSend(same, u"trace-a"_s); // unnamed: filed under the current prompt
        QTRY_COMPARE(recorded.count(), 1);
        QCOMPARE(recorded.at(0).at(1).toBool(), false);
        view.recordSend(makeDraft("Hi {{customer}}, thank you for writing!", "gpt-4o-mini"), u"trace-b"_s);
        QTRY_COMPARE(recorded.count(), 2);
        QCOMPARE(recorded.at(1).at(1).toBool(), true);
        QCOMPARE(recorded.at(1).at(0).value<prompts::PromptVersion>().number, 2);
        QTRY_COMPARE(view.versionModel()->rowCount(), 2);
        QCOMPARE(cell(view.versionModel(), 0, prompt_items::VersionNumber), u"v2"_s); // newest first
        QTRY_COMPARE(cell(view.promptModel(), 0, prompt_items::PromptVersions), u"2"_s);
    }

    void pinningMarksThePromptAndTheVersion()
    {
        PromptLibraryView view;
        openWithOnePrompt(view);
        view.recordSend(makeDraft("Second text {{customer}}"), u"t"_s);
        QTRY_COMPARE(view.versionModel()->rowCount(), 2);
        selectVersions(view, {1}); // v1
        view.togglePinSelected();
        QTRY_COMPARE(cell(view.promptModel(), 0, prompt_items::PromptPinned), QString(prompt_items::kPinMark) + u" v1"_s);
        QTRY_COMPARE(cell(view.versionModel(), 1, prompt_items::VersionNumber), u"v1 "_s + prompt_items::kPinMark);
        QCOMPARE(cell(view.versionModel(), 0, prompt_items::VersionNumber), u"v2"_s);
        // The selection survives the refresh, and the button now offers to unpin.
        QCOMPARE(view.versionView()->selectionModel()->selectedRows().size(), 1);
        bool unpinOffered = false;
        for (QPushButton* b : view.findChildren<QPushButton*>())
            unpinOffered = unpinOffered || (b->text() == u"Unpin"_s && b->isEnabled());
        QVERIFY(unpinOffered);
        // Open with no version selected opens the pinned one.
        QSignalSpy opened(&view, &PromptLibraryView::openRequested);
        view.versionView()->selectionModel()->clearSelection();
        view.openSelected();
        QCOMPARE(opened.at(0).at(0).value<prompts::PromptVersion>().number, 1);
        selectVersions(view, {1});
        view.togglePinSelected();
        QTRY_COMPARE(cell(view.promptModel(), 0, prompt_items::PromptPinned), QString());
    }

    void filterRenameAndDelete()
    {
        PromptLibraryView view;
        openWithOnePrompt(view);
        view.saveAs(u"Refund policy"_s);
        QTRY_COMPARE(view.promptModel()->rowCount(), 2);
        QCOMPARE(view.currentPrompt(), u"Refund policy"_s);
        QTest::keyClicks(view.filterBox(), u"refu"_s);
        QTRY_COMPARE(view.promptModel()->rowCount(), 1);
        QCOMPARE(cell(view.promptModel(), 0, 0), u"Refund policy"_s);
        view.filterBox()->clear();
        QTRY_COMPARE(view.promptModel()->rowCount(), 2);

        QVERIFY(view.selectPrompt(u"refund policy"_s));
        view.renameSelected(u"  Refunds  "_s);
        QTRY_COMPARE(view.currentPrompt(), u"Refunds"_s);
        QTRY_VERIFY(view.promptModel()->match(view.promptModel()->index(0, 0), Qt::DisplayRole, u"Refunds"_s).size() == 1);
        QVERIFY(view.selectPrompt(u"Refunds"_s));
        view.deleteSelected();
        QTRY_COMPARE(view.promptModel()->rowCount(), 1);
        QCOMPARE(view.currentPrompt(), QString());
        // With no current prompt an unnamed send is not saved.
        QSignalSpy recorded(&view, &PromptLibraryView::versionRecorded);
        view.recordSend(makeDraft("x"), u"t"_s);
        QTest::qWait(100);
        QCOMPARE(recorded.count(), 0);
    }

    void aMissingWorkspaceIsReportedInWords()
    {
        PromptLibraryView view;
        QSignalSpy failed(&view, &PromptLibraryView::failed);
        view.setWorkspace(dir_.filePath(u"absent/ws.db"_s));
        QVERIFY(!failed.isEmpty() || failed.wait());
        QVERIFY2(view.statusText().contains(u"no such workspace"_s), qPrintable(view.statusText()));
        view.saveAs(u"anything"_s); // no draft source, no library: nothing happens, nothing throws
    }

    void compareShowsBothSidesWithTheirDifferences()
    {
        PromptLibraryView view;
        openWithOnePrompt(view);
        PromptVersionDraft second = makeDraft("Hello {{customer}}, thanks for your patience.", "gpt-4o-mini");
        second.content.params.temperature = 0.7;
        view.recordSend(second, u"t"_s);
        QTRY_COMPARE(view.versionModel()->rowCount(), 2);
        selectVersions(view, {0, 1});
        VersionCompareDialog* dialog = view.compareSelected();
        QVERIFY(dialog);
        using S = VersionCompareDialog::Section;
        const QString before = dialog->view(S::Template, DiffSide::Before)->toHtml();
        const QString after = dialog->view(S::Template, DiffSide::After)->toHtml();
        QVERIFY2(before.contains(u"line-through"_s) && before.contains(u"writing"_s), qPrintable(before));
        QVERIFY(!before.contains(u"patience"_s));
        QVERIFY2(after.contains(u"#1e8449"_s) && after.contains(u"patience"_s), qPrintable(after));
        QVERIFY(!after.contains(u"writing"_s));
        QVERIFY(!dialog->view(S::System, DiffSide::After)->toHtml().contains(u"#1e8449"_s));
        QTableWidget* table = dialog->settings();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), u"Model"_s);
        QCOMPARE(table->item(0, 1)->text(), u"gpt-4o"_s);
        QCOMPARE(table->item(0, 2)->text(), u"gpt-4o-mini"_s);
        QCOMPARE(table->item(1, 0)->text(), u"Temperature"_s);
        // One version selected: compared with the one before it.
        selectVersions(view, {0});
        VersionCompareDialog* withPrevious = view.compareSelected();
        QVERIFY(withPrevious);
        QVERIFY(withPrevious->windowTitle().contains(u"v1 and v2"_s));
    }

    void sideHtmlKeepsEachSidesWords()
    {
        const diff::Result r = diff::wordDiff(u"the red <cat>"_s, u"the blue <cat>"_s);
        const QString before = sideHtml(r, DiffSide::Before);
        const QString after = sideHtml(r, DiffSide::After);
        QVERIFY(before.contains(u"red"_s) && !before.contains(u"blue"_s));
        QVERIFY(after.contains(u"blue"_s) && !after.contains(u"red"_s));
        QVERIFY(after.contains(u"&lt;cat&gt;"_s));
    }

    void variablesFormFollowsTheTemplate()
    {
        VariablesForm form;
        QSignalSpy changed(&form, &VariablesForm::changed);
        form.setTemplate(u"You help {{ user }}."_s, u"Write about {{topic}} in {{lang}}; {{topic}} again."_s);
        QCOMPARE(form.variables(), (QStringList{u"user"_s, u"topic"_s, u"lang"_s}));
        QCOMPARE(form.missing(), form.variables());
        QVERIFY(form.statusText().contains(u"Missing: {{user}}, {{topic}}, {{lang}}"_s));
        QLineEdit* topic = form.field(u"topic"_s);
        QVERIFY(topic);
        QTest::keyClicks(topic, u"tides"_s);
        QCOMPARE(changed.count(), 5);
        QCOMPARE(form.missing(), (QStringList{u"user"_s, u"lang"_s}));
        QCOMPARE(form.renderedText(), u"Write about tides in {{lang}}; tides again."_s);
        QVERIFY(form.previewHtml().contains(u"tides"_s));

        form.setTemplate(u"You help {{ user }}."_s, u"Write about {{topic}}."_s); // lang removed
        QVERIFY(!form.field(u"lang"_s));
        QCOMPARE(form.field(u"topic"_s)->text(), u"tides"_s);
        QTest::keyClicks(form.field(u"user"_s), u"Ada"_s);
        QVERIFY(form.complete());
        QCOMPARE(form.renderedSystem(), u"You help Ada."_s);

        form.setPromptKey(u"Other prompt"_s);
        QCOMPARE(form.field(u"topic"_s)->text(), QString());
        form.setValues({{"topic", "moons"}});
        QCOMPARE(form.renderedText(), u"Write about moons."_s);
        form.setPromptKey(QString());
        QCOMPARE(form.field(u"topic"_s)->text(), u"tides"_s);

        form.setTemplate(QString(), u"Broken {{ open"_s);
        QVERIFY(form.variables().isEmpty());
        QVERIFY2(form.statusText().contains(u"Character 8"_s), qPrintable(form.statusText()));
    }
};

QTEST_MAIN(TestPromptLibraryView)
#include "test_prompt_library_view.moc"
