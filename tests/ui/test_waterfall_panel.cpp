// The Waterfall panel on a real workspace: a hand-built trace with a guard, a cache lookup, a route
// with a failed call, a retry and a streamed fallback, and a tool call beside them. Checks what the
// panel shows as numbers: rows, depths and order, flags, the critical path, the first-token marker's
// position, zoom and pan, folding and selection, the notices; and that a 100,000-span trace paints
// only the rows on screen.
#include "demo/demo.h"
#include "qtest_std_string.h"
#include "trace_fixtures.h"
#include "waterfall/span_detail_table.h"
#include "waterfall/waterfall_painter.h"
#include "waterfall/waterfall_panel.h"
#include "waterfall/waterfall_view.h"

#include <QLineEdit>
#include <QScrollBar>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

using namespace Qt::StringLiterals;
using namespace ts;
using namespace ts::ui;

namespace {

constexpr int kWaitMs = 10'000;
constexpr int kChunks = 20;

// Row names in display order, one dot per level of depth.
const QStringList kOrder{u"chat"_s,     u".guard.input"_s, u".cache.lookup"_s,      u".route default"_s,
                         u"..chat gpt-4o-mini"_s, u"..chat gpt-4o-mini"_s, u"..chat claude-haiku"_s,
                         u".execute_tool lookup"_s, u".guard.output"_s, u".cache.store"_s};

Span attemptSpan(const uitest::TraceSpec& spec, const std::string& model, const std::string& route, int attempt,
                 double fromMs, double toMs, int serial)
{
    Span s = uitest::makeSpan(spec, "chat " + model, "llm.call", route, fromMs, toMs, serial);
    s.kind = SpanKind::Client;
    s.attributes[std::string(attr::kRequestModel)] = model;
    s.attributes[std::string(attr::kProviderName)] = std::string(model == "claude-haiku" ? "anthropic" : "openai");
    s.attributes[std::string(attr::kAttempt)] = std::int64_t{attempt};
    return s;
}

// 1.2 s: guard 1–4 ms, cache 4–6, route 6–1150 (a 429 at 6–200, the retry failing at 300–500, the
// fallback streaming at 520–1140 with its first token at 770), a tool call at 8–120 hidden behind
// the route, then the output guard and the cache store.
Trace routedTrace(int index)
{
    uitest::TraceSpec spec = uitest::specFor(index);
    spec.durationMs = 1200;
    Trace trace;
    trace.traceId = uitest::traceIdOf(index);
    Span root = uitest::rootSpan(spec);
    root.status = SpanStatus::Ok;
    const std::string r = root.spanId;
    Span route = uitest::makeSpan(spec, "route default", "route", r, 6, 1150, 3);
    Span first = attemptSpan(spec, "gpt-4o-mini", route.spanId, 1, 6, 200, 4);
    first.status = SpanStatus::Error;
    first.statusMessage = "429 Too Many Requests";
    first.attributes[std::string(attr::kErrorCategory)] = std::string("rate_limited");
    Span retry = attemptSpan(spec, "gpt-4o-mini", route.spanId, 2, 300, 500, 5);
    retry.status = SpanStatus::Error;
    Span fallback = attemptSpan(spec, "claude-haiku", route.spanId, 3, 520, 1140, 6);
    fallback.attributes[std::string(attr::kTimeToFirstChunk)] = 0.25;
    Span tool = uitest::makeSpan(spec, "execute_tool lookup", "tool", r, 8, 120, 7);
    trace.spans = {root,
                   uitest::makeSpan(spec, "guard.input", "guard.input", r, 1, 4, 1),
                   uitest::makeSpan(spec, "cache.lookup", "cache.lookup", r, 4, 6, 2),
                   route, first, retry, fallback, tool,
                   uitest::makeSpan(spec, "guard.output", "guard.output", r, 1150, 1160, 8),
                   uitest::makeSpan(spec, "cache.store", "cache.store", r, 1160, 1170, 9)};
    Exchange e = uitest::exchangeFor(spec, fallback);
    e.chunks.clear();
    for (int i = 0; i < kChunks; ++i)
        e.chunks.push_back({fallback.start + (250 + i * 20) * kNsPerMs, "data: {}"});
    trace.exchanges = {e};
    trace.input = {{Role::User, "Question", {}, {}, {}}};
    summarize(trace);
    return trace;
}

QString rowText(const WaterfallView& view, int visibleRow)
{
    const WaterfallData& d = *view.data();
    const std::size_t row = view.dataRow(visibleRow);
    return QString(static_cast<qsizetype>(d.rows[row].depth), u'.') + QString::fromStdString(d.spanAt(row).name);
}

QStringList shownRows(const WaterfallView& view)
{
    QStringList rows;
    for (int i = 0; i < view.rowCount(); ++i)
        rows << rowText(view, i);
    return rows;
}

std::size_t rowNamed(const WaterfallView& view, const std::string& spanId)
{
    return view.data()->rowOfSpan(spanId).value();
}

// A root with 1,000 steps, each with 99 children (100,001 spans); every 10th step nests its children
// in a chain.
std::shared_ptr<const WaterfallData> hugeTrace()
{
    Trace trace;
    trace.traceId = std::string(32, 'a');
    auto add = [&](const std::string& parent, Nanos start, Nanos end) {
        Span s;
        s.spanId = std::to_string(trace.spans.size());
        s.parentSpanId = parent;
        s.name = "span " + s.spanId;
        s.start = start;
        s.end = end;
        trace.spans.push_back(std::move(s));
        return trace.spans.back().spanId;
    };
    const std::string root = add("", 0, 1000 * 100 * kNsPerMs);
    for (int step = 0; step < 1000; ++step) {
        const Nanos at = step * 100 * kNsPerMs;
        std::string parent = add(root, at, at + 99 * kNsPerMs);
        for (int k = 0; k < 99; ++k) {
            const std::string child = add(parent, at + k * kNsPerMs, at + (k + 1) * kNsPerMs);
            if (step % 10 == 0)
                parent = child;
        }
    }
    return std::make_shared<const WaterfallData>(buildWaterfall(std::move(trace)));
}

} // namespace

class TestWaterfallPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        dir_ = std::make_unique<QTemporaryDir>();
        store_ = uitest::openTempStore(*dir_);
    }

    void cleanup()
    {
        store_.reset();
        dir_.reset();
    }

    // On generated demo traffic the panel opens the largest recent trace: every span a row, a critical
    // path from the root, first tokens on the streamed calls.
    void demoWorkspace()
    {
        demo::Options options;
        options.days = 1;
        options.requestsPerDay = 150;
        demo::run(options, [&](Trace t) { store_->write(std::move(t)); });
        QVERIFY(store_->flush());
        WaterfallPanel panel(store_);
        panel.resize(1400, 700);
        panel.show();
        QTRY_VERIFY_WITH_TIMEOUT(panel.settled() && !panel.shownTraceId().isEmpty(), kWaitMs);
        const auto trace = store_->reader()->load(panel.shownTraceId().toStdString());
        QVERIFY(trace);
        QCOMPARE(panel.view()->rowCount(), static_cast<int>(trace->spans.size()));
        QVERIFY(trace->spans.size() > 5); // the agent scenario's runs are the largest
        QVERIFY(panel.headerText().contains(u"critical path"_s));
    }

    void showsTheTraceAskedFor()
    {
        store_->write(routedTrace(1));
        QVERIFY(store_->flush());
        WaterfallPanel panel(store_);
        panel.resize(1400, 700);
        panel.showTrace(QString::fromStdString(uitest::traceIdOf(1)));
        QVERIFY(panel.loading());
        QCOMPARE(panel.noticeText(), u"Loading…"_s);
        QTRY_VERIFY_WITH_TIMEOUT(panel.settled(), kWaitMs);
        QCOMPARE(panel.shownTraceId(), QString::fromStdString(uitest::traceIdOf(1)));
        QCOMPARE(panel.noticeText(), QString());
        const WaterfallView& view = *panel.view();
        QCOMPARE(view.rowCount(), 10);
        QCOMPARE(shownRows(view), kOrder);
        const QString header = panel.headerText();
        for (const QString& part : {u"10 spans"_s, u"2 errors"_s, u"1 retry"_s, u"1 fallback"_s, u"TTFT 770 ms"_s,
                                    u"critical path 9 spans"_s, u"1.20 s"_s})
            QVERIFY2(header.contains(part), qPrintable(header + u" lacks "_s + part));
        QCOMPARE(panel.firstTokenMs().value(), 770.0);
    }

    void flagsRetriesAndFallbacks()
    {
        const Trace trace = routedTrace(1);
        const WaterfallData d = buildWaterfall(trace);
        auto flagsOf = [&](int serial) { return d.rows[d.rowOfSpan(uitest::hexId(16 + serial + 1, 16)).value()].flags; };
        QCOMPARE(flagsOf(4) & (WaterfallRow::Error | WaterfallRow::Retry | WaterfallRow::Fallback), WaterfallRow::Error);
        QCOMPARE(flagsOf(5) & (WaterfallRow::Error | WaterfallRow::Retry), WaterfallRow::Error | WaterfallRow::Retry);
        QCOMPARE(flagsOf(6) & (WaterfallRow::Fallback | WaterfallRow::Streamed | WaterfallRow::Error),
                 WaterfallRow::Fallback | WaterfallRow::Streamed);
        QCOMPARE(flagsOf(7) & WaterfallRow::Critical, 0); // the tool call ran while the route did
        QCOMPARE(d.rows[0].category, SpanCategory::Request);
        QCOMPARE(d.rows[1].category, SpanCategory::Guard);
        QCOMPARE(d.rows[2].category, SpanCategory::Cache);
        QCOMPARE(d.rows[3].category, SpanCategory::Route);
        QCOMPARE(d.rows[6].category, SpanCategory::LlmCall);
        QCOMPARE(d.rows[7].category, SpanCategory::Tool);
        QCOMPARE(d.errors, 2);
        const StreamMarks* marks = d.streamOf(6);
        QVERIFY(marks);
        QCOMPARE(marks->arrivals.size(), std::size_t(kChunks));
        QCOMPARE(*marks->firstToken - d.spanAt(6).start, 250 * kNsPerMs);
    }

    // Each attempt is judged against the one before it: moving to claude is the fallback, trying
    // claude again a retry.
    void retryAfterFallback()
    {
        Trace trace = routedTrace(1);
        trace.spans[5].attributes[std::string(attr::kRequestModel)] = std::string("claude-haiku");
        trace.spans[5].attributes[std::string(attr::kProviderName)] = std::string("anthropic");
        const WaterfallData d = buildWaterfall(trace);
        QVERIFY(d.rows[5].has(WaterfallRow::Fallback) && !d.rows[5].has(WaterfallRow::Retry));
        QVERIFY(d.rows[6].has(WaterfallRow::Retry) && !d.rows[6].has(WaterfallRow::Fallback));
        QCOMPARE(d.retries, 1);
        QCOMPARE(d.fallbacks, 1);
    }

    void criticalPathIds()
    {
        store_->write(routedTrace(1));
        QVERIFY(store_->flush());
        WaterfallPanel panel(store_);
        panel.showTrace(QString::fromStdString(uitest::traceIdOf(1)));
        QTRY_VERIFY_WITH_TIMEOUT(panel.settled(), kWaitMs);
        std::vector<std::string> expected;
        // All but the tool call, in time order: the route starts with its first attempt, so that one
        // is on the path before the route's own wait for the retry.
        for (int serial : {0, 1, 2, 4, 3, 5, 6, 8, 9})
            expected.push_back(uitest::hexId(16 + serial + 1, 16));
        QCOMPARE(panel.criticalPathSpanIds(), expected);
        // The route waited on itself between the attempts: 200–300, 500–520 and 1140–1150 ms.
        const WaterfallData& d = *panel.view()->data();
        QCOMPARE(d.criticalTimeOf(3), 130 * kNsPerMs);
        QToolButton* toggle = nullptr;
        for (auto* b : panel.findChildren<QToolButton*>())
            if (b->text() == u"Critical path"_s)
                toggle = b;
        QVERIFY(toggle && panel.view()->criticalPathShown());
        toggle->click();
        QVERIFY(!panel.view()->criticalPathShown());
    }

    void firstTokenMarkerFollowsZoomAndPan()
    {
        store_->write(routedTrace(1));
        QVERIFY(store_->flush());
        WaterfallPanel panel(store_);
        panel.resize(1400, 700);
        panel.show();
        panel.showTrace(QString::fromStdString(uitest::traceIdOf(1)));
        QTRY_VERIFY_WITH_TIMEOUT(panel.settled(), kWaitMs);
        WaterfallView& view = *panel.view();
        const WaterfallGeometry& g = view.geometryInfo();
        const double barWidth = g.barWidth();
        QCOMPARE(view.scale().window(), 1200 * kNsPerMs);
        // 770 ms of 1200 across the bars.
        QCOMPARE(view.firstTokenX(6).value(), std::round(g.barLeft() + 770.0 / 1200.0 * barWidth));
        QVERIFY(!view.firstTokenX(5)); // the retry did not stream

        const Nanos firstToken = *view.data()->streamOf(6)->firstToken;
        const double anchor = view.xOf(firstToken); // unrounded: zooming magnifies a rounding error
        view.zoomBy(4, anchor);
        QCOMPARE(view.scale().window(), 300 * kNsPerMs);
        QVERIFY(std::abs(view.firstTokenX(6).value() - anchor) <= 1.0);
        const Nanos t0 = view.scale().t0();
        view.panBy(100);
        QVERIFY(std::abs(view.scale().t0() - (t0 + std::llround(100 * 300.0 * kNsPerMs / barWidth))) <= 1);
        QVERIFY(std::abs(view.firstTokenX(6).value() - (anchor - 100)) <= 1.0);

        view.setFocus();
        QTest::keyClick(&view, Qt::Key_0);
        QVERIFY(view.scale().fitted());
        QTest::keyClick(&view, Qt::Key_Plus);
        QCOMPARE(view.scale().window(), 800 * kNsPerMs);

        // Ctrl+wheel zooms about the cursor; Shift+wheel pans.
        view.fit();
        const QPointF at(anchor, g.rowTop(6) + 5);
        QWheelEvent zoom(at, view.viewport()->mapToGlobal(at), {}, {0, 120}, Qt::NoButton, Qt::ControlModifier,
                         Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &zoom);
        QVERIFY(view.scale().window() < 1200 * kNsPerMs);
        QVERIFY(std::abs(view.firstTokenX(6).value() - anchor) <= 1.0);
        const Nanos before = view.scale().t0();
        QWheelEvent pan(at, view.viewport()->mapToGlobal(at), {}, {0, -120}, Qt::NoButton, Qt::ShiftModifier,
                        Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &pan);
        QVERIFY(view.scale().t0() > before);
        QVERIFY(view.horizontalScrollBar()->value() > 0);
    }

    void selectFoldAndDetail()
    {
        store_->write(routedTrace(1));
        QVERIFY(store_->flush());
        WaterfallPanel panel(store_);
        panel.resize(1400, 700);
        panel.show();
        panel.showTrace(QString::fromStdString(uitest::traceIdOf(1)));
        QTRY_VERIFY_WITH_TIMEOUT(panel.settled(), kWaitMs);
        WaterfallView& view = *panel.view();
        QCOMPARE(view.selectedRow().value(), std::size_t(0));
        const WaterfallGeometry& g = view.geometryInfo();
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(g.barLeft() + 300, g.rowTop(4) + 5));
        QCOMPARE(view.selectedRow().value(), std::size_t(4));
        QCOMPARE(panel.detailTable()->valueOf(u"span id"_s), QString::fromStdString(uitest::hexId(16 + 4 + 1, 16)));
        QCOMPARE(panel.detailTable()->valueOf(u"status message"_s), u"429 Too Many Requests"_s);
        QCOMPARE(panel.detailTable()->valueOf(u"duration"_s), u"194 ms"_s);
        QTest::keyClick(&view, Qt::Key_Down);
        QTest::keyClick(&view, Qt::Key_Down);
        QCOMPARE(view.selectedRow().value(), std::size_t(6));
        QCOMPARE(panel.detailTable()->valueOf(u"first token"_s), u"250 ms"_s);
        QCOMPARE(panel.detailTable()->valueOf(u"chunks"_s), u"20"_s);
        QCOMPARE(panel.detailTable()->valueOf(u"fallback"_s), u"attempt 3 on another deployment"_s);

        // Left goes to the route, Left again folds it; the selection stays on the route.
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(view.selectedRow().value(), std::size_t(3));
        QTest::keyClick(&view, Qt::Key_Left);
        QVERIFY(view.isFolded(3));
        QCOMPARE(view.rowCount(), 7);
        QCOMPARE(rowText(view, 4), u".execute_tool lookup"_s);
        // Selecting a folded-away span unfolds its parent.
        view.selectRow(rowNamed(view, uitest::hexId(16 + 5 + 1, 16)));
        QCOMPARE(view.rowCount(), 10);
        // The triangle folds with a click.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(6 + kIndentStep + 4, g.rowTop(3) + g.rowHeight / 2));
        QVERIFY(view.isFolded(3));
        QCOMPARE(view.rowCount(), 7);
    }

    void largestRecentOnFirstShow()
    {
        uitest::fillStore(*store_, 5); // three spans each
        store_->write(routedTrace(40));
        uitest::fillStore(*store_, 3, 50);
        QVERIFY(store_->flush());
        WaterfallPanel panel(store_);
        QVERIFY(!panel.settled());
        panel.show();
        QTRY_VERIFY_WITH_TIMEOUT(panel.settled(), kWaitMs);
        QCOMPARE(panel.shownTraceId(), QString::fromStdString(uitest::traceIdOf(40)));
        QCOMPARE(panel.traceBox()->text(), QString::fromStdString(uitest::traceIdOf(40)));
    }

    void notices()
    {
        WaterfallPanel panel(store_);
        panel.show();
        QTRY_VERIFY_WITH_TIMEOUT(panel.settled(), kWaitMs);
        QVERIFY(panel.noticeText().startsWith(u"No traces in this workspace yet"_s));
        // The first traces to arrive are shown.
        store_->write(routedTrace(2));
        QVERIFY(store_->flush());
        QTRY_COMPARE_WITH_TIMEOUT(panel.shownTraceId(), QString::fromStdString(uitest::traceIdOf(2)), kWaitMs);
        panel.showTrace(u"feedface"_s);
        QTRY_VERIFY_WITH_TIMEOUT(panel.settled(), kWaitMs);
        QCOMPARE(panel.noticeText(), u"No trace with id feedface in this workspace."_s);
        QCOMPARE(panel.view()->rowCount(), 0);
    }

    // 100,001 spans: a frame paints the rows on screen and no more, wherever it is scrolled.
    void hugeTracePaintsOnlyVisibleRows()
    {
        const auto data = hugeTrace();
        QCOMPARE(data->rows.size(), std::size_t(100'001));
        QCOMPARE(data->maxDepth, std::uint32_t(100)); // root → step → a 99-deep chain
        WaterfallView view;
        view.resize(1200, 700);
        view.show();
        view.setData(data);
        view.grab();
        const int onScreen = view.geometryInfo().rowsVisible();
        QVERIFY(onScreen > 10 && onScreen < 60);
        QCOMPARE(view.lastPaint().rows, onScreen);
        QCOMPARE(view.lastPaint().firstRow, 0);
        view.verticalScrollBar()->setValue(54'321);
        view.grab();
        QCOMPARE(view.lastPaint().firstRow, 54'321);
        QCOMPARE(view.lastPaint().rows, onScreen);
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
        view.grab();
        QCOMPARE(view.lastPaint().firstRow + view.lastPaint().rows, 100'001);
        QVERIFY(view.lastPaint().rows <= onScreen);
        // Folding the root leaves one row.
        view.setFolded(0, true);
        QCOMPARE(view.rowCount(), 1);
        view.grab();
        QCOMPARE(view.lastPaint().rows, 1);
    }

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::shared_ptr<TraceStore> store_;
};

QTEST_MAIN(TestWaterfallPanel)
#include "test_waterfall_panel.moc"
