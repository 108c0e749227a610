#include "trace_fixtures.h"
#include "traces/span_tree_model.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ts;
using namespace ts::ui;

namespace {

// root ─┬─ guard.input
//       └─ llm.call ── tool (added here)    + an orphan whose parent is not in the trace
Trace sampleTrace()
{
    Trace trace = uitest::makeTrace(uitest::specFor(3));
    const uitest::TraceSpec spec = uitest::specFor(3);
    trace.spans.push_back(uitest::makeSpan(spec, "tool lookup", "tool", trace.spans[2].spanId, 300, 320, 5));
    trace.spans.push_back(uitest::makeSpan(spec, "stray", "", "ffffffffffffffff", 2, 3, 6));
    return trace;
}

} // namespace

class TestSpanTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passesModelTester();
    void buildsTheTree();
    void columns();
    void roles();
    void clears();
};

void TestSpanTreeModel::passesModelTester()
{
    SpanTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTrace(sampleTrace());
    model.setTrace(uitest::makeTrace(uitest::specFor(4)));
    model.clear();
}

void TestSpanTreeModel::buildsTheTree()
{
    SpanTreeModel model;
    model.setTrace(sampleTrace());
    QCOMPARE(model.rowCount(), 2); // the root and the orphan
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(root.data().toString(), u"chat"_s);
    QCOMPARE(model.index(1, 0).data().toString(), u"stray"_s);
    QCOMPARE(model.rowCount(root), 2);
    QCOMPARE(model.index(0, 0, root).data().toString(), u"guard.input"_s); // children by start time
    const QModelIndex call = model.index(1, 0, root);
    QCOMPARE(call.data().toString(), u"chat gpt-4o-mini"_s);
    QCOMPARE(model.rowCount(call), 1);
    QCOMPARE(model.parent(model.index(0, 0, call)), call);
    QCOMPARE(model.indexOfSpan(model.spanAt(call)->spanId), call);
}

void TestSpanTreeModel::columns()
{
    SpanTreeModel model;
    model.setTrace(sampleTrace());
    const QModelIndex root = model.index(0, 0);
    const QModelIndex call = model.index(1, 0, root);
    auto cell = [&](const QModelIndex& index, int column) { return index.siblingAtColumn(column).data().toString(); };
    QCOMPARE(cell(call, SpanTreeModel::Stage), u"llm.call"_s);
    QCOMPARE(cell(call, SpanTreeModel::Start), u"+5.0 ms"_s);
    QCOMPARE(cell(call, SpanTreeModel::Duration), u"1.19 s"_s);
    QCOMPARE(cell(call, SpanTreeModel::Status), u"error"_s);
    QCOMPARE(cell(root, SpanTreeModel::Stage), u"server"_s);
    const QString details = cell(call, SpanTreeModel::Details);
    QVERIFY2(details.contains(u"gpt-4o-mini"_s) && details.contains(u" tokens"_s) && details.contains(u"TTFT 250 ms"_s),
             qPrintable(details));
    QCOMPARE(model.headerData(SpanTreeModel::Duration, Qt::Horizontal, Qt::DisplayRole).toString(), u"Duration"_s);
}

void TestSpanTreeModel::roles()
{
    SpanTreeModel model;
    model.setTrace(sampleTrace());
    const QModelIndex root = model.index(0, 0);
    const QModelIndex tool = model.index(0, 0, model.index(1, 0, root));
    QCOMPARE(tool.data(SpanTreeModel::DepthRole).toInt(), 2);
    QCOMPARE(tool.data(SpanTreeModel::StartOffsetRole).toLongLong(), 300 * kNsPerMs);
    QCOMPARE(tool.data(SpanTreeModel::EndOffsetRole).toLongLong(), 320 * kNsPerMs);
    QCOMPARE(tool.data(SpanTreeModel::SpanIdRole).toString(), QString::fromStdString(model.spanAt(tool)->spanId));
    QVERIFY(model.index(1, SpanTreeModel::Status, root).data(Qt::ForegroundRole).canConvert<QColor>());
}

void TestSpanTreeModel::clears()
{
    SpanTreeModel model;
    model.setTrace(sampleTrace());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0, 0).isValid());
}

QTEST_MAIN(TestSpanTreeModel)
#include "test_span_tree_model.moc"
