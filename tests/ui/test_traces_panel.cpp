#include "trace_fixtures.h"
#include "traces/exchange_view.h"
#include "traces/filter_bar.h"
#include "traces/span_tree_model.h"
#include "traces/span_view.h"
#include "traces/trace_detail_view.h"
#include "traces/trace_table_model.h"
#include "traces/traces_panel.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace ts;
using namespace ts::ui;

namespace {

constexpr int kTraces = 300;

QString traceIdOf(int index) { return QString::fromStdString(uitest::traceIdOf(index)); }

QString shownTraceId(const TracesPanel& panel)
{
    const auto& trace = panel.detail()->trace();
    return trace ? QString::fromStdString(trace->traceId) : QString();
}

} // namespace

class TestTracesPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void showsCountAndRows();
    void selectingARowShowsItsDetail();
    void detailTabs();
    void filterAppliesAfterDebounce();
    void filterErrorShowsInlineAndKeepsPreviousFilter();
    void selectTraceFindsItsRow();
    void openInPlaygroundForwardsTheTrace();
    void copyAsCurlFillsTheClipboard();
    void headerSortsOnlyByOrderKeys();
    void selectionSurvivesResorting();

private:
    std::unique_ptr<TracesPanel> makePanel();

    std::unique_ptr<QTemporaryDir> dir_;
    std::shared_ptr<TraceStore> store_;
};

void TestTracesPanel::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
    store_ = uitest::openTempStore(*dir_);
    uitest::fillStore(*store_, kTraces);
}

void TestTracesPanel::cleanup()
{
    store_.reset();
    dir_.reset();
}

std::unique_ptr<TracesPanel> TestTracesPanel::makePanel()
{
    auto panel = std::make_unique<TracesPanel>(store_);
    panel->resize(1280, 800);
    panel->show();
    return panel;
}

void TestTracesPanel::showsCountAndRows()
{
    auto panel = makePanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->isComplete(), 10000);
    QCOMPARE(panel->countLabel()->text(), u"300 traces"_s);
    QCOMPARE(panel->table()->model()->rowCount(), kTraces);
    QTRY_VERIFY(panel->table()->model()->index(0, 0).data(TraceTableModel::SummaryRole).isValid());
}

void TestTracesPanel::selectingARowShowsItsDetail()
{
    auto panel = makePanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->isComplete(), 10000);
    panel->table()->selectRow(2);
    QTRY_COMPARE(shownTraceId(*panel), traceIdOf(kTraces - 3));
    QVERIFY(panel->detail()->headerText().contains(traceIdOf(kTraces - 3)));
    QVERIFY(panel->detail()->headerText().contains(u"TTFT"_s));
    panel->table()->selectRow(0); // the newest selection wins
    panel->table()->selectRow(1);
    QTRY_COMPARE(shownTraceId(*panel), traceIdOf(kTraces - 2));
    QTest::qWait(100);
    QCOMPARE(shownTraceId(*panel), traceIdOf(kTraces - 2));
}

void TestTracesPanel::detailTabs()
{
    auto panel = makePanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->isComplete(), 10000);
    panel->selectFirstRow();
    QTRY_COMPARE(shownTraceId(*panel), traceIdOf(kTraces - 1));
    TraceDetailView* detail = panel->detail();
    QCOMPARE(detail->tabs()->count(), 3);
    QCOMPARE(detail->spanView()->model()->rowCount(), 1);
    QCOMPARE(detail->spanView()->model()->rowCount(detail->spanView()->model()->index(0, 0)), 2);
    QVERIFY(detail->spanView()->attributeTable()->rowCount() > 3); // the root span's attributes
    const QString messages = detail->messagesView()->toPlainText();
    QVERIFY2(messages.contains(u"Question 299: what is up?"_s) && messages.contains(u"Answer 299"_s),
             qPrintable(messages));
    QCOMPARE(detail->exchangeView()->callCount(), 1);
}

void TestTracesPanel::filterAppliesAfterDebounce()
{
    auto panel = makePanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->isComplete(), 10000);
    QTest::keyClicks(panel->filterBar()->edit(), u"model:claude-haiku"_s);
    QTest::qWait(FilterBar::kDebounceMs / 2);
    QVERIFY(panel->model()->filter().empty()); // still typing
    QTRY_VERIFY(!panel->model()->filter().empty());
    QTRY_COMPARE(panel->model()->rowCount(), kTraces / 2);
    QTRY_VERIFY(panel->model()->isComplete());
    QCOMPARE(panel->countLabel()->text(), u"150 traces"_s);
}

void TestTracesPanel::filterErrorShowsInlineAndKeepsPreviousFilter()
{
    auto panel = makePanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->isComplete(), 10000);
    panel->setFilterText(u"status:error"_s);
    QTRY_VERIFY(panel->model()->isComplete() && panel->model()->rowCount() < kTraces);
    const int errors = panel->model()->rowCount();
    QVERIFY(panel->filterBar()->errorText().isEmpty());
    panel->setFilterText(u"cost>>cheap"_s);
    QVERIFY(!panel->filterBar()->errorText().isEmpty());
    QVERIFY(panel->filterBar()->findChild<QLabel*>()->isVisible());
    QTest::qWait(FilterBar::kDebounceMs + 100);
    QCOMPARE(panel->model()->rowCount(), errors); // the previous filter still applies
    panel->setFilterText(u""_s);
    QVERIFY(panel->filterBar()->errorText().isEmpty());
    QTRY_COMPARE(panel->model()->rowCount(), kTraces);
}

void TestTracesPanel::selectTraceFindsItsRow()
{
    auto panel = makePanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->isComplete(), 10000);
    panel->selectTrace(traceIdOf(10)); // row 289: its page was never fetched
    QTRY_COMPARE(shownTraceId(*panel), traceIdOf(10));
    QTRY_COMPARE(panel->table()->currentIndex().row(), kTraces - 1 - 10);
}

void TestTracesPanel::openInPlaygroundForwardsTheTrace()
{
    auto panel = makePanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->isComplete(), 10000);
    panel->selectFirstRow();
    QTRY_COMPARE(shownTraceId(*panel), traceIdOf(kTraces - 1));
    QSignalSpy spy(panel.get(), &TracesPanel::openInPlayground);
    auto* button = panel->detail()->findChild<QPushButton*>();
    QVERIFY(button);
    QCOMPARE(button->text(), u"Open in playground"_s);
    button->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().value<Trace>().traceId, uitest::traceIdOf(kTraces - 1));
}

void TestTracesPanel::copyAsCurlFillsTheClipboard()
{
    auto panel = makePanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->isComplete(), 10000);
    panel->selectFirstRow();
    QTRY_COMPARE(shownTraceId(*panel), traceIdOf(kTraces - 1));
    panel->detail()->exchangeView()->copyAsCurl();
    const QString command = QGuiApplication::clipboard()->text();
    QVERIFY2(command.startsWith(u"curl"_s) && command.contains(u"https://api.openai.com/v1/chat/completions"_s),
             qPrintable(command));
}

void TestTracesPanel::headerSortsOnlyByOrderKeys()
{
    auto panel = makePanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->isComplete(), 10000);
    QHeaderView* header = panel->table()->horizontalHeader();
    header->setSortIndicator(traces::Cost, Qt::DescendingOrder);
    QCOMPARE(panel->model()->order().key, TraceOrderKey::Cost);
    header->setSortIndicator(traces::Provider, Qt::AscendingOrder); // no order key: the indicator goes back
    QCOMPARE(header->sortIndicatorSection(), int(traces::Cost));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(panel->model()->order().key, TraceOrderKey::Cost);
    QTRY_VERIFY(panel->model()->isComplete());
    QCOMPARE(panel->model()->rowCount(), kTraces);
}

void TestTracesPanel::selectionSurvivesResorting()
{
    auto panel = makePanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->isComplete(), 10000);
    panel->table()->selectRow(3);
    const qint64 selected = panel->model()->rowIdAt(3);
    panel->table()->sortByColumn(traces::InputTokens, Qt::AscendingOrder);
    QTRY_VERIFY(panel->model()->isComplete() && panel->table()->currentIndex().isValid());
    QCOMPARE(panel->model()->rowIdAt(panel->table()->currentIndex().row()), selected);
    QCOMPARE(panel->table()->selectionModel()->selectedRows().size(), 1);
}

QTEST_MAIN(TestTracesPanel)
#include "test_traces_panel.moc"
