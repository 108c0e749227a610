#include "trace/filter.h"
#include "trace_fixtures.h"
#include "traces/id_list.h"
#include "traces/trace_table_model.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ts;
using namespace ts::ui;
using Col = traces::Column;

namespace {

constexpr int kTraces = 600; // more than two pages

TraceSummary summaryAt(const TraceTableModel& model, int row)
{
    return model.index(row, 0).data(TraceTableModel::SummaryRole).value<TraceSummary>();
}

bool rowsFetched(const TraceTableModel& model, int first, int last)
{
    for (int row = first; row <= last; ++row)
        if (!model.index(row, 0).data(TraceTableModel::SummaryRole).isValid())
            return false;
    return true;
}

TraceFilter filterOf(const char* text)
{
    FilterParse parsed = parseFilter(text);
    if (!parsed.ok())
        qFatal("bad test filter %s: %s", text, parsed.error.c_str());
    return parsed.filter;
}

} // namespace

class TestTraceTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void compareIdLists_data();
    void compareIdLists();
    void positionsOf();
    void passesModelTester();
    void firstPageThenAllIds();
    void newestFirstByDefault();
    void placeholderThenData();
    void cellsAndRoles();
    void filters();
    void sortsByOrderKeys();
    void ignoresColumnsWithoutOrderKey();
    void liveInsertionAtTopKeepsSelection();
    void rearrangementKeepsSelection();

private:
    std::unique_ptr<TraceTableModel> loadedModel();
    void waitLoaded(TraceTableModel& model, const std::function<void()>& action = {});

    std::unique_ptr<QTemporaryDir> dir_;
    std::shared_ptr<TraceStore> store_;
};

void TestTraceTableModel::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
    store_ = uitest::openTempStore(*dir_);
    uitest::fillStore(*store_, kTraces);
}

void TestTraceTableModel::cleanup()
{
    store_.reset();
    dir_.reset();
}

void TestTraceTableModel::waitLoaded(TraceTableModel& model, const std::function<void()>& action)
{
    QSignalSpy loaded(&model, &TraceTableModel::loaded);
    if (action)
        action();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 10000);
}

std::unique_ptr<TraceTableModel> TestTraceTableModel::loadedModel()
{
    auto model = std::make_unique<TraceTableModel>(store_);
    waitLoaded(*model);
    return model;
}

void TestTraceTableModel::compareIdLists_data()
{
    using traces::IdList;
    using traces::IdListChange;
    QTest::addColumn<IdList>("before");
    QTest::addColumn<IdList>("after");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("count");
    QTest::newRow("same") << IdList{3, 2, 1} << IdList{3, 2, 1} << int(IdListChange::Same) << 0;
    QTest::newRow("new on top") << IdList{3, 2, 1} << IdList{5, 4, 3, 2, 1} << int(IdListChange::InsertedAtTop) << 2;
    QTest::newRow("rest of the list") << IdList{9, 8} << IdList{9, 8, 7, 6} << int(IdListChange::AppendedAtBottom) << 2;
    QTest::newRow("pruned at the bottom") << IdList{3, 2, 1} << IdList{3} << int(IdListChange::RemovedFromBottom) << 2;
    QTest::newRow("gone from the top") << IdList{3, 2, 1} << IdList{1} << int(IdListChange::RemovedFromTop) << 2;
    QTest::newRow("reordered") << IdList{3, 2, 1} << IdList{1, 2, 3} << int(IdListChange::Rearranged) << 0;
    QTest::newRow("inserted in the middle") << IdList{3, 1} << IdList{3, 2, 1} << int(IdListChange::Rearranged) << 0;
    QTest::newRow("from nothing") << IdList{} << IdList{2, 1} << int(IdListChange::InsertedAtTop) << 2;
}

void TestTraceTableModel::compareIdLists()
{
    QFETCH(traces::IdList, before);
    QFETCH(traces::IdList, after);
    QFETCH(int, kind);
    QFETCH(int, count);
    const traces::IdListChange change = traces::compareIdLists(before, after);
    QCOMPARE(int(change.kind), kind);
    QCOMPARE(change.count, count);
}

void TestTraceTableModel::positionsOf()
{
    const traces::IdList list{10, 20, 30, 40};
    QCOMPARE(traces::positionsOf({40, 10, 99}, list), (std::vector<int>{3, 0, -1}));
    QCOMPARE(traces::positionOf(30, list), 2);
    QCOMPARE(traces::positionOf(31, list), -1);
}

void TestTraceTableModel::passesModelTester()
{
    TraceTableModel model(store_);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    waitLoaded(model);
    QCOMPARE(model.rowCount(), kTraces);
    model.index(kTraces - 1, 0).data(); // fetch the last page
    QTRY_VERIFY(rowsFetched(model, kTraces - 10, kTraces - 1));
    uitest::fillStore(*store_, 5, kTraces); // live insertion
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), kTraces + 5, 5000);
    waitLoaded(model, [&] { model.sort(Col::Cost, Qt::DescendingOrder); });
    waitLoaded(model, [&] { model.setFilter(filterOf("status:error")); });
    QVERIFY(model.rowCount() > 0);
    waitLoaded(model, [&] { model.setFilter({}); });
    QCOMPARE(model.rowCount(), kTraces + 5);
}

void TestTraceTableModel::firstPageThenAllIds()
{
    TraceTableModel model(store_);
    QCOMPARE(model.rowCount(), 0); // nothing is read on the GUI thread
    int rowsAtFirstPage = -1;
    connect(&model, &TraceTableModel::firstPageReady, this, [&] { rowsAtFirstPage = model.rowCount(); });
    QSignalSpy loaded(&model, &TraceTableModel::loaded);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 10000); // a store notification may add a refresh
    QCOMPARE(rowsAtFirstPage, TraceTableModel::kPageRows);
    QCOMPARE(loaded.at(0).at(0).toLongLong(), qint64(kTraces));
    QVERIFY(loaded.at(0).at(1).toLongLong() >= 0);
    QCOMPARE(model.rowCount(), kTraces);
    QVERIFY(model.isComplete());
    QVERIFY(rowsFetched(model, 0, TraceTableModel::kPageRows - 1)); // the first page is cached already
}

void TestTraceTableModel::newestFirstByDefault()
{
    auto model = loadedModel();
    QCOMPARE(model->index(0, 0).data(TraceTableModel::TraceIdRole).toString(),
             QString::fromStdString(uitest::traceIdOf(kTraces - 1)));
    QCOMPARE(model->index(1, 0).data(TraceTableModel::TraceIdRole).toString(),
             QString::fromStdString(uitest::traceIdOf(kTraces - 2)));
}

void TestTraceTableModel::placeholderThenData()
{
    auto model = loadedModel();
    const int last = kTraces - 1;
    const QModelIndex name = model->index(last, Col::Name);
    QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(!name.data(TraceTableModel::SummaryRole).isValid());
    QCOMPARE(name.data().toString(), u"…"_s);
    QVERIFY(name.data(TraceTableModel::RowIdRole).toLongLong() > 0); // ids are known before summaries
    QTRY_VERIFY(changed.count() >= 1);
    const QModelIndex topLeft = changed.last().at(0).toModelIndex();
    const QModelIndex bottomRight = changed.last().at(1).toModelIndex();
    QVERIFY(topLeft.row() <= last && last <= bottomRight.row());
    QCOMPARE(name.data(TraceTableModel::TraceIdRole).toString(), QString::fromStdString(uitest::traceIdOf(0)));
    QCOMPARE(name.data().toString(), u"Question 0: what is up?"_s);
}

void TestTraceTableModel::cellsAndRoles()
{
    auto model = loadedModel();
    const int errorRow = kTraces - 1 - 3;      // trace 3: an error
    const int simulatedRow = kTraces - 1 - 3 * 5; // trace 15: simulated, ok
    model->index(errorRow, 0).data();
    QTRY_VERIFY(rowsFetched(*model, simulatedRow, errorRow));
    const TraceSummary error = summaryAt(*model, errorRow);
    QCOMPARE(error.traceId, uitest::traceIdOf(3));
    QCOMPARE(model->index(errorRow, Col::Status).data().toString(), u"error"_s);
    QVERIFY(model->index(errorRow, Col::Name).data(Qt::BackgroundRole).canConvert<QColor>());
    QVERIFY(!model->index(simulatedRow, Col::Name).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model->index(simulatedRow, Col::Source).data().toString(), u"demo · simulated"_s);
    QVERIFY(model->index(simulatedRow, Col::Source).data(Qt::ToolTipRole).toString().contains(u"Simulated"_s));
    QCOMPARE(model->index(simulatedRow, Col::Model).data().toString(), u"gpt-4o-mini"_s);
    QCOMPARE(model->index(simulatedRow, Col::InputTokens).data().toString(), u"245"_s);
    QVERIFY(model->index(simulatedRow, Col::Ttft).data().toString().endsWith(u" ms"_s));
    const int alignment = model->index(0, Col::Cost).data(Qt::TextAlignmentRole).toInt();
    QVERIFY(alignment & Qt::AlignRight);
}

void TestTraceTableModel::filters()
{
    auto model = loadedModel();
    int errors = 0;
    for (int i = 0; i < kTraces; ++i)
        errors += uitest::specFor(i).error ? 1 : 0;
    waitLoaded(*model, [&] { model->setFilter(filterOf("status:error")); });
    QCOMPARE(model->rowCount(), errors);
    QTRY_VERIFY(rowsFetched(*model, 0, model->rowCount() - 1));
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(summaryAt(*model, row).status, std::string("error"));
    waitLoaded(*model, [&] { model->setFilter(filterOf("model:claude-haiku")); });
    QCOMPARE(model->rowCount(), kTraces / 2);
    waitLoaded(*model, [&] { model->setFilter({}); });
    QCOMPARE(model->rowCount(), kTraces);
}

void TestTraceTableModel::sortsByOrderKeys()
{
    auto model = loadedModel();
    waitLoaded(*model, [&] { model->sort(Col::Cost, Qt::DescendingOrder); });
    QCOMPARE(model->order().key, TraceOrderKey::Cost);
    QTRY_VERIFY(rowsFetched(*model, 0, 99));
    for (int row = 1; row < 100; ++row)
        QVERIFY(summaryAt(*model, row - 1).costUsd >= summaryAt(*model, row).costUsd);
    waitLoaded(*model, [&] { model->sort(Col::InputTokens, Qt::AscendingOrder); });
    QTRY_VERIFY(rowsFetched(*model, 0, 99));
    for (int row = 1; row < 100; ++row)
        QVERIFY(summaryAt(*model, row - 1).inputTokens <= summaryAt(*model, row).inputTokens);
    QCOMPARE(model->rowCount(), kTraces);
}

void TestTraceTableModel::ignoresColumnsWithoutOrderKey()
{
    auto model = loadedModel();
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
    model->sort(Col::Provider, Qt::AscendingOrder);
    QVERIFY(!model->isLoading());
    QTest::qWait(200);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model->order().key, TraceOrderKey::Start);
    QVERIFY(!TraceTableModel::isSortable(Col::Provider));
    QVERIFY(TraceTableModel::isSortable(Col::Ttft));
}

void TestTraceTableModel::liveInsertionAtTopKeepsSelection()
{
    auto model = loadedModel();
    QItemSelectionModel selection(model.get());
    selection.setCurrentIndex(model->index(5, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const qint64 selectedId = model->rowIdAt(5);
    QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
    uitest::fillStore(*store_, 3, kTraces); // three newer traces
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kTraces + 3, 5000);
    QCOMPARE(reset.count(), 0);
    QVERIFY(inserted.count() >= 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0); // at the top
    QCOMPARE(selection.currentIndex().row(), 8);
    QCOMPARE(model->rowIdAt(selection.currentIndex().row()), selectedId);
    QCOMPARE(selection.selectedRows().size(), 1);
    QTRY_COMPARE(model->index(0, 0).data(TraceTableModel::TraceIdRole).toString(), // new rows: fetched on demand
                 QString::fromStdString(uitest::traceIdOf(kTraces + 2)));
}

void TestTraceTableModel::rearrangementKeepsSelection()
{
    auto model = loadedModel();
    waitLoaded(*model, [&] { model->sort(Col::Cost, Qt::DescendingOrder); });
    QItemSelectionModel selection(model.get());
    const int selectedRow = 400; // cheaper than the new traces: it moves down
    selection.setCurrentIndex(model->index(selectedRow, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const qint64 selectedId = model->rowIdAt(selectedRow);
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy layout(model.get(), &QAbstractItemModel::layoutChanged);
    for (int i = kTraces; i < kTraces + 4; ++i) { // costs that land in the middle of the list
        uitest::TraceSpec spec = uitest::specFor(i);
        spec.costUsd = 0.005;
        store_->write(uitest::makeTrace(spec));
    }
    store_->flush();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kTraces + 4, 5000);
    QCOMPARE(reset.count(), 0);
    QVERIFY(layout.count() >= 1);
    QCOMPARE(selection.currentIndex().row(), selectedRow + 4);
    QCOMPARE(model->rowIdAt(selection.currentIndex().row()), selectedId);
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().first().row(), selection.currentIndex().row());
}

QTEST_MAIN(TestTraceTableModel)
#include "test_trace_table_model.moc"
