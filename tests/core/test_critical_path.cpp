// The span tree's display order (pre-order, children by start), depths and subtree sizes, and the
// critical path, on tiny text fixtures: "name parent start end; ..." with "-" for no parent and
// times in nanoseconds. Also a 100,000-span chain (no recursion) and a 100,000-span fan-out.
#include "trace/critical_path.h"

#include <QTest>

#include "qtest_std_string.h"

#include <sstream>

using namespace ts;

namespace {

std::vector<Span> spansOf(const std::string& spec)
{
    std::vector<Span> spans;
    std::stringstream all(spec);
    std::string item;
    while (std::getline(all, item, ';')) {
        std::stringstream fields(item);
        Span s;
        fields >> s.spanId >> s.parentSpanId >> s.start >> s.end;
        if (s.spanId.empty())
            continue;
        if (s.parentSpanId == "-")
            s.parentSpanId.clear();
        s.name = s.spanId;
        spans.push_back(s);
    }
    return spans;
}

// "root,.a,..b": each row's name after one dot per level of depth.
std::string orderText(const std::vector<Span>& spans, const SpanTree& tree)
{
    std::string out;
    for (std::size_t row = 0; row < tree.size(); ++row)
        out += (row ? "," : "") + std::string(tree.depth[row], '.') + spans[tree.order[row]].name;
    return out;
}

std::string subtreeText(const SpanTree& tree)
{
    std::string out;
    for (std::size_t row = 0; row < tree.size(); ++row)
        out += (row ? "," : "") + std::to_string(tree.subtree[row]);
    return out;
}

std::string pathText(const std::vector<Span>& spans, const std::vector<CriticalSection>& path)
{
    std::string out;
    for (const CriticalSection& s : path)
        out += (out.empty() ? "" : " ") + spans[s.span].name + "[" + std::to_string(s.start) + "," +
               std::to_string(s.end) + "]";
    return out;
}

} // namespace

class TestCriticalPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layoutAndPath_data()
    {
        QTest::addColumn<std::string>("spec");
        QTest::addColumn<std::string>("order");
        QTest::addColumn<std::string>("subtrees");
        QTest::addColumn<std::string>("path");
        QTest::newRow("one span") << std::string("root - 0 10") << std::string("root") << std::string("1")
                                  << std::string("root[0,10]");
        QTest::newRow("sequential children")
            << std::string("root - 0 100; y root 40 90; x root 10 40") << std::string("root,.x,.y") << std::string("3,1,1")
            << std::string("root[0,10] x[10,40] y[40,90] root[90,100]");
        // b finishes after a, which it overlaps: a is hidden behind b and is not on the path.
        QTest::newRow("overlapping siblings")
            << std::string("root - 0 100; a root 0 30; b root 20 60; c b 25 40; d root 70 90")
            << std::string("root,.a,.b,..c,.d") << std::string("5,1,2,1,1")
            << std::string("root[0,20] b[20,25] c[25,40] b[40,60] root[60,70] d[70,90] root[90,100]");
        QTest::newRow("parallel children, the later one counts")
            << std::string("root - 0 100; p root 10 80; q root 10 95") << std::string("root,.p,.q") << std::string("3,1,1")
            << std::string("root[0,10] q[10,95] root[95,100]");
        QTest::newRow("child outliving its parent is clipped")
            << std::string("root - 0 100; a root 50 120") << std::string("root,.a") << std::string("2,1")
            << std::string("root[0,50] a[50,100]");
        QTest::newRow("child starting before its parent is clipped")
            << std::string("root - 10 100; a root 0 40") << std::string("root,.a") << std::string("2,1")
            << std::string("a[10,40] root[40,100]");
        QTest::newRow("zero-length child is not waited on")
            << std::string("root - 0 10; z root 10 10; a root 2 6") << std::string("root,.a,.z") << std::string("3,1,1")
            << std::string("root[0,2] a[2,6] root[6,10]");
        QTest::newRow("same start keeps stored order")
            << std::string("root - 0 10; b root 1 3; a root 1 2") << std::string("root,.b,.a") << std::string("3,1,1")
            << std::string("root[0,1] b[1,3] root[3,10]");
        QTest::newRow("missing parent becomes top-level")
            << std::string("root - 0 10; o nowhere 2 5; k o 3 4") << std::string("root,o,.k") << std::string("1,2,1")
            << std::string("root[0,10]");
        QTest::newRow("a parent cycle is broken")
            << std::string("root - 0 10; a b 1 5; b a 2 4") << std::string("root,a,.b") << std::string("1,2,1")
            << std::string("root[0,10]");
        QTest::newRow("a duplicated id: the first span keeps it")
            << std::string("root - 0 10; a root 1 5; a root 2 4; k a 3 4") << std::string("root,.a,..k,.a")
            << std::string("4,2,1,1") << std::string("root[0,1] a[1,3] k[3,4] a[4,5] root[5,10]");
        QTest::newRow("own parent") << std::string("root - 0 10; s s 1 2") << std::string("root,s") << std::string("1,1")
                                    << std::string("root[0,10]");
        QTest::newRow("root is the span without a parent id, not the first")
            << std::string("c root 2 8; root - 0 10") << std::string("root,.c") << std::string("2,1")
            << std::string("root[0,2] c[2,8] root[8,10]");
        QTest::newRow("no spans") << std::string("") << std::string("") << std::string("") << std::string("");
    }

    void layoutAndPath()
    {
        QFETCH(std::string, spec);
        const std::vector<Span> spans = spansOf(spec);
        const SpanTree tree = buildSpanTree(spans);
        QFETCH(std::string, order);
        QFETCH(std::string, subtrees);
        QFETCH(std::string, path);
        QCOMPARE(orderText(spans, tree), order);
        QCOMPARE(subtreeText(tree), subtrees);
        QCOMPARE(pathText(spans, criticalPath(spans, tree)), path);
        for (std::size_t row = 0; row < tree.size(); ++row)
            QCOMPARE(tree.rowOf[tree.order[row]], row);
    }

    void criticalSpansAreUniqueInPathOrder()
    {
        const auto spans = spansOf("root - 0 100; a root 0 30; b root 20 60; c b 25 40; d root 70 90");
        const auto ids = criticalSpans(criticalPath(spans, buildSpanTree(spans)));
        std::string names;
        for (std::uint32_t i : ids)
            names += spans[i].name;
        QCOMPARE(names, std::string("rootbcd"));
    }

    // Each span starts 1 ns after its parent and ends 1 ns before it: 100,000 levels deep.
    void deepChainNeedsNoRecursion()
    {
        constexpr int n = 100'000;
        std::vector<Span> spans(n);
        for (int i = 0; i < n; ++i) {
            spans[i].spanId = "s" + std::to_string(i);
            spans[i].parentSpanId = i ? "s" + std::to_string(i - 1) : "";
            spans[i].start = i;
            spans[i].end = 2 * n - i;
        }
        const SpanTree tree = buildSpanTree(spans);
        QCOMPARE(tree.depth.back(), std::uint32_t(n - 1));
        QCOMPARE(tree.order.back(), std::uint32_t(n - 1));
        QCOMPARE(tree.subtree.front(), std::uint32_t(n));
        const auto path = criticalPath(spans, tree);
        QCOMPARE(path.size(), std::size_t(2 * n - 1)); // down one section per span, back up one each but the last
        QCOMPARE(path[n - 1], (CriticalSection{n - 1, n - 1, n + 1}));
        QCOMPARE(path.back(), (CriticalSection{0, 2 * n - 1, 2 * n}));
    }

    // A root with 100,000 back-to-back children, stored in reverse: display order sorts them by start,
    // and every child is on the path.
    void wideFanOut()
    {
        constexpr int n = 100'000;
        std::vector<Span> spans(n + 1);
        spans[0].spanId = "root";
        spans[0].end = 10 * n + 10;
        for (int i = 1; i <= n; ++i) {
            const int k = n - i; // start order
            spans[i].spanId = "k" + std::to_string(k);
            spans[i].parentSpanId = "root";
            spans[i].start = 10 * k + 5;
            spans[i].end = 10 * k + 15; // the next one starts here
        }
        const SpanTree tree = buildSpanTree(spans);
        QCOMPARE(spans[tree.order[1]].spanId, std::string("k0"));
        QCOMPARE(spans[tree.order[n]].spanId, std::string("k99999"));
        const auto path = criticalPath(spans, tree);
        QCOMPARE(path.size(), std::size_t(n + 2));
        QCOMPARE(path.front(), (CriticalSection{0, 0, 5}));
        QCOMPARE(path[1], (CriticalSection{std::uint32_t(n), 5, 15})); // k0, stored last
        QCOMPARE(path[n], (CriticalSection{1, 10 * n - 5, 10 * n + 5}));
        QCOMPARE(path.back(), (CriticalSection{0, 10 * n + 5, 10 * n + 10}));
    }
};

QTEST_APPLESS_MAIN(TestCriticalPath)
#include "test_critical_path.moc"
