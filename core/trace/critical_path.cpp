#include "trace/critical_path.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <string_view>
#include <unordered_set>

namespace ts {

namespace {

constexpr std::uint32_t kNone = SpanTree::kNone;

// Children of each span in compressed rows: kids[first[p] .. first[p + 1]) belong to span p.
struct ChildLists
{
    std::vector<std::uint32_t> first;
    std::vector<std::uint32_t> kids;
    std::vector<std::uint32_t> tops; // spans without a parent

    template <typename Less>
    void sortEach(Less less)
    {
        for (std::size_t p = 0; p + 1 < first.size(); ++p)
            std::sort(kids.begin() + first[p], kids.begin() + first[p + 1], less);
        std::sort(tops.begin(), tops.end(), less);
    }
};

std::vector<std::uint32_t> parentsOf(const std::vector<Span>& spans)
{
    const SpanIdIndex byId(spans);
    std::vector<std::uint32_t> parent(spans.size(), kNone);
    for (std::uint32_t i = 0; i < spans.size(); ++i) {
        if (spans[i].parentSpanId.empty())
            continue;
        const std::uint32_t p = byId.find(spans[i].parentSpanId);
        if (p != SpanIdIndex::kMissing && p != i)
            parent[i] = p;
    }
    return parent;
}

// Spans whose parents lead round in a circle would never be reached from a top-level span: the
// span where each circle is found becomes top-level.
void breakCycles(std::vector<std::uint32_t>& parent)
{
    enum : std::uint8_t { Unseen, OnWalk, Done };
    std::vector<std::uint8_t> state(parent.size(), Unseen);
    std::vector<std::uint32_t> walk;
    for (std::uint32_t i = 0; i < parent.size(); ++i) {
        std::uint32_t at = i;
        while (at != kNone && state[at] == Unseen) {
            state[at] = OnWalk;
            walk.push_back(at);
            at = parent[at];
        }
        if (at != kNone && state[at] == OnWalk)
            parent[at] = kNone;
        for (std::uint32_t s : walk)
            state[s] = Done;
        walk.clear();
    }
}

ChildLists childLists(const std::vector<std::uint32_t>& parent)
{
    ChildLists lists;
    lists.first.assign(parent.size() + 1, 0);
    for (std::uint32_t p : parent)
        if (p != kNone)
            ++lists.first[p + 1];
    for (std::size_t p = 1; p < lists.first.size(); ++p)
        lists.first[p] += lists.first[p - 1];
    lists.kids.resize(lists.first.back());
    std::vector<std::uint32_t> next(lists.first.begin(), lists.first.end() - 1);
    for (std::uint32_t i = 0; i < parent.size(); ++i) {
        if (parent[i] == kNone)
            lists.tops.push_back(i);
        else
            lists.kids[next[parent[i]]++] = i;
    }
    return lists;
}

void preOrder(SpanTree& tree, const ChildLists& lists)
{
    const std::size_t n = tree.parent.size();
    tree.order.reserve(n);
    tree.depth.reserve(n);
    tree.rowOf.assign(n, 0);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> stack; // span, depth
    for (auto it = lists.tops.rbegin(); it != lists.tops.rend(); ++it)
        stack.emplace_back(*it, 0);
    while (!stack.empty()) {
        const auto [span, depth] = stack.back();
        stack.pop_back();
        tree.rowOf[span] = static_cast<std::uint32_t>(tree.order.size());
        tree.order.push_back(span);
        tree.depth.push_back(depth);
        for (std::uint32_t k = lists.first[span + 1]; k > lists.first[span]; --k)
            stack.emplace_back(lists.kids[k - 1], depth + 1);
    }
    tree.subtree.assign(n, 1);
    for (std::size_t row = n; row-- > 0;) // children come after their parent in pre-order
        if (const std::uint32_t p = tree.parent[tree.order[row]]; p != kNone)
            tree.subtree[tree.rowOf[p]] += tree.subtree[row];
}

std::uint32_t rootOf(const std::vector<Span>& spans, const SpanTree& tree)
{
    for (std::uint32_t i = 0; i < spans.size(); ++i)
        if (spans[i].parentSpanId.empty())
            return i;
    return tree.order.empty() ? kNone : tree.order.front();
}

// Children clipped to their parent's time: a child reported as starting before its parent or
// ending after it (clock skew between services) only counts for the part inside the parent.
struct Clipped
{
    std::vector<Nanos> start;
    std::vector<Nanos> end;
};

Clipped clipToParents(const std::vector<Span>& spans, const SpanTree& tree)
{
    Clipped c{std::vector<Nanos>(spans.size()), std::vector<Nanos>(spans.size())};
    for (std::uint32_t span : tree.order) { // parents first
        const std::uint32_t p = tree.parent[span];
        c.start[span] = p == kNone ? spans[span].start : std::max(spans[span].start, c.start[p]);
        c.end[span] = p == kNone ? spans[span].end : std::min(spans[span].end, c.end[p]);
        c.end[span] = std::max(c.end[span], c.start[span]);
    }
    return c;
}

// The walk: children sorted by clipped end; cursor[p] children of p are still unvisited, so each
// child is followed at most once and the walk ends after at most two steps per span.
class PathWalk
{
public:
    PathWalk(const SpanTree& tree, Clipped clipped)
        : tree_(tree), time_(std::move(clipped)), lists_(childLists(tree.parent)), cursor_(tree.parent.size())
    {
        lists_.sortEach([this](std::uint32_t a, std::uint32_t b) {
            return time_.end[a] != time_.end[b] ? time_.end[a] < time_.end[b] : a < b;
        });
        for (std::size_t p = 0; p < cursor_.size(); ++p)
            cursor_[p] = lists_.first[p + 1] - lists_.first[p];
    }

    std::vector<CriticalSection> from(std::uint32_t root)
    {
        std::vector<CriticalSection> out;
        std::uint32_t at = root;
        Nanos bound = time_.end[root];
        for (;;) {
            if (const std::uint32_t child = lastFinished(at, bound); child != kNone) {
                add(out, at, time_.end[child], bound);
                at = child;
                bound = time_.end[child];
                continue;
            }
            add(out, at, time_.start[at], bound);
            if (at == root)
                break;
            bound = time_.start[at];
            at = tree_.parent[at];
        }
        std::reverse(out.begin(), out.end());
        return out;
    }

private:
    // The unvisited child of `span` that finished last at or before `bound` (and after the span started).
    std::uint32_t lastFinished(std::uint32_t span, Nanos bound)
    {
        const auto begin = lists_.kids.begin() + lists_.first[span];
        auto end = begin + cursor_[span];
        end = std::upper_bound(begin, end, bound, [this](Nanos t, std::uint32_t k) { return t < time_.end[k]; });
        while (end != begin) {
            const std::uint32_t child = *--end;
            cursor_[span] = static_cast<std::uint32_t>(end - begin);
            if (time_.end[child] > time_.start[span] && time_.end[child] > time_.start[child])
                return child; // a child that took no time, or ended as the parent began, was not waited on
        }
        cursor_[span] = 0;
        return kNone;
    }

    static void add(std::vector<CriticalSection>& out, std::uint32_t span, Nanos from, Nanos to)
    {
        if (to > from)
            out.push_back({span, from, to});
    }

    const SpanTree& tree_;
    Clipped time_;
    ChildLists lists_;
    std::vector<std::uint32_t> cursor_;
};

} // namespace

SpanIdIndex::SpanIdIndex(const std::vector<Span>& spans) : spans_(spans)
{
    const std::size_t size = std::bit_ceil(std::max<std::size_t>(16, spans.size() * 2)); // at most half full
    slots_.assign(size, 0);
    mask_ = size - 1;
    for (std::uint32_t i = 0; i < spans.size(); ++i) {
        std::size_t at = std::hash<std::string_view>{}(spans[i].spanId) & mask_;
        for (; slots_[at]; at = (at + 1) & mask_)
            if (spans_[slots_[at] - 1].spanId == spans[i].spanId)
                break; // a duplicated id: the first span keeps it
        if (!slots_[at])
            slots_[at] = i + 1;
    }
}

std::uint32_t SpanIdIndex::find(std::string_view spanId) const
{
    for (std::size_t at = std::hash<std::string_view>{}(spanId) & mask_; slots_[at]; at = (at + 1) & mask_)
        if (spans_[slots_[at] - 1].spanId == spanId)
            return slots_[at] - 1;
    return kMissing;
}

SpanTree buildSpanTree(const std::vector<Span>& spans)
{
    SpanTree tree;
    tree.parent = parentsOf(spans);
    breakCycles(tree.parent);
    ChildLists lists = childLists(tree.parent);
    lists.sortEach([&spans](std::uint32_t a, std::uint32_t b) {
        return spans[a].start != spans[b].start ? spans[a].start < spans[b].start : a < b;
    });
    preOrder(tree, lists);
    tree.root = rootOf(spans, tree);
    return tree;
}

std::vector<CriticalSection> criticalPath(const std::vector<Span>& spans, const SpanTree& tree)
{
    if (tree.root == kNone || spans.size() != tree.parent.size())
        return {};
    return PathWalk(tree, clipToParents(spans, tree)).from(tree.root);
}

std::vector<std::uint32_t> criticalSpans(const std::vector<CriticalSection>& path)
{
    std::vector<std::uint32_t> spans;
    std::unordered_set<std::uint32_t> seen;
    for (const CriticalSection& s : path)
        if (seen.insert(s.span).second)
            spans.push_back(s.span);
    return spans;
}

} // namespace ts
