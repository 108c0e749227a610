#include "traces/span_tree_model.h"

#include "catalog/span_cost.h"
#include "common/format.h"
#include "model/attributes.h"

#include <QColor>
#include <QStringList>

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_set>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

using Children = std::multimap<std::string, const Span*>; // parent span id → child

QString qs(const std::string& s) { return QString::fromStdString(s); }

Children childrenByParent(const Trace& trace)
{
    // A set of the ids, not Trace::findSpan per span: that was quadratic, minutes at 100,000 spans.
    std::unordered_set<std::string_view> ids;
    ids.reserve(trace.spans.size());
    for (const Span& span : trace.spans)
        ids.insert(span.spanId);
    Children children;
    for (const Span& span : trace.spans) {
        const bool orphan = !span.parentSpanId.empty() && !ids.contains(span.parentSpanId);
        children.emplace(orphan ? std::string() : span.parentSpanId, &span);
    }
    return children;
}

std::vector<const Span*> sortedChildren(const Children& children, const std::string& parentId)
{
    std::vector<const Span*> spans;
    auto [first, last] = children.equal_range(parentId);
    for (auto it = first; it != last; ++it)
        spans.push_back(it->second);
    std::stable_sort(spans.begin(), spans.end(), [](const Span* a, const Span* b) { return a->start < b->start; });
    return spans;
}

void addChildren(TreeItem<SpanRow>& parent, const Children& children, const std::string& parentId,
                 Nanos traceStart, int depth)
{
    constexpr int kMaxDepth = 64; // duplicated span ids can make a cycle; stop rather than recurse forever
    if (depth > kMaxDepth)
        return;
    for (const Span* span : sortedChildren(children, parentId)) {
        if (span->spanId == parentId)
            continue; // a span that names itself as parent would recurse forever
        auto& item = parent.append({*span, traceStart, depth});
        addChildren(item, children, span->spanId, traceStart, depth + 1);
    }
}

QString statusText(SpanStatus status)
{
    switch (status) {
    case SpanStatus::Ok: return u"ok"_s;
    case SpanStatus::Error: return u"error"_s;
    case SpanStatus::Unset: break;
    }
    return {};
}

void addTokens(QStringList& parts, const Span& span)
{
    const auto in = span.attrInt(attr::kInputTokens);
    const auto out = span.attrInt(attr::kOutputTokens);
    if (in || out)
        parts << format::tokens(in.value_or(0)) % u" → "_s % format::tokens(out.value_or(0)) % u" tokens"_s;
    if (auto cached = span.attrInt(attr::kCacheReadTokens); cached && *cached > 0)
        parts << format::tokens(*cached) % u" cached"_s;
}

void addFlags(QStringList& parts, const Span& span)
{
    if (span.attr(attr::kCacheHit))
        parts << (span.attrBool(attr::kCacheHit) ? u"cache hit"_s : u"cache miss"_s);
    if (auto findings = span.attrInt(attr::kGuardFindings); findings && *findings > 0)
        parts << QString::number(*findings) % u" findings"_s;
    if (auto attempt = span.attrInt(attr::kAttempt); attempt && *attempt > 1)
        parts << u"attempt "_s % QString::number(*attempt);
    if (auto http = span.attrInt(attr::kHttpStatus))
        parts << u"HTTP "_s % QString::number(*http);
    if (span.attrBool(attr::kSimulated))
        parts << u"simulated"_s;
    if (auto reported = span.attrDouble(attr::kCostReportedUsd); reported && span.attrBool(attr::kCostDiffers))
        parts << u"⚠ provider reported "_s % format::cost(*reported);
}

} // namespace

QString stageOf(const Span& span)
{
    if (std::string stage = span.attrString(attr::kStage); !stage.empty())
        return qs(stage);
    switch (span.kind) {
    case SpanKind::Server: return u"server"_s;
    case SpanKind::Client: return u"client"_s;
    case SpanKind::Internal: break;
    }
    return u"internal"_s;
}

QString spanHighlights(const Span& span)
{
    QStringList parts;
    if (std::string model = span.attrString(attr::kRequestModel); !model.empty())
        parts << qs(model);
    addTokens(parts, span);
    if (auto cost = span.attrDouble(attr::kCostUsd))
        parts << format::cost(*cost);
    if (auto ttfc = span.attrDouble(attr::kTimeToFirstChunk))
        parts << u"TTFT "_s % format::duration(*ttfc * 1000.0);
    addFlags(parts, span);
    if (!span.statusMessage.empty())
        parts << qs(span.statusMessage);
    return parts.join(u" · "_s);
}

SpanTreeModel::SpanTreeModel(QObject* parent) : TreeModel(parent) {}

void SpanTreeModel::setTrace(const Trace& trace)
{
    auto root = std::make_unique<Item>();
    const Span* rootSpan = trace.root();
    addChildren(*root, childrenByParent(trace), {}, rootSpan ? rootSpan->start : 0, 0);
    setTree(std::move(root));
}

void SpanTreeModel::clear() { setTree(std::make_unique<Item>()); }

const Span* SpanTreeModel::spanAt(const QModelIndex& index) const
{
    const SpanRow* row = valueAt(index);
    return row ? &row->span : nullptr;
}

QModelIndex SpanTreeModel::indexOfSpan(const std::string& spanId) const
{
    return find([&](const SpanRow& row) { return row.span.spanId == spanId; });
}

QVariant SpanTreeModel::cell(const SpanRow& row, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole: return display(row, column);
    case Qt::ToolTipRole: return column == Details || column == Name ? toolTip(row, column) : QVariant();
    case Qt::ForegroundRole:
        return column == Status && row.span.status == SpanStatus::Error ? QVariant(QColor(200, 40, 40)) : QVariant();
    case Qt::TextAlignmentRole:
        return static_cast<int>((column == Start || column == Duration ? Qt::AlignRight : Qt::AlignLeft) |
                                Qt::AlignVCenter);
    case SpanIdRole: return qs(row.span.spanId);
    case StartOffsetRole: return QVariant::fromValue<qint64>(row.span.start - row.traceStart);
    case EndOffsetRole: return QVariant::fromValue<qint64>(row.span.end - row.traceStart);
    case DepthRole: return row.depth;
    default: return {};
    }
}

QVariant SpanTreeModel::display(const SpanRow& row, int column) const
{
    const Span& s = row.span;
    switch (column) {
    case Name: return qs(s.name);
    case Stage: return stageOf(s);
    case Start: return format::offset(nsToMs(s.start - row.traceStart));
    case Duration: return format::duration(nsToMs(s.duration()));
    case Status: return statusText(s.status);
    case Details: return spanHighlights(s);
    default: return {};
    }
}

// The details, and for a model call the cost explained line by line (priced by today's catalog).
QVariant SpanTreeModel::toolTip(const SpanRow& row, int column) const
{
    const QString text = display(row, column).toString();
    if (column != Details)
        return text;
    const auto explained = explainSpanCost(row.span, *Catalog::current());
    if (!explained)
        return text;
    return QString(u"<p>"_s % text.toHtmlEscaped() % u"</p><pre>"_s %
                   QString::fromStdString(formatExplanation(*explained)).toHtmlEscaped() % u"</pre>"_s);
}

QVariant SpanTreeModel::header(int section, int role) const
{
    static const QStringList titles{u"Span"_s, u"Stage"_s, u"Start"_s, u"Duration"_s, u"Status"_s, u"Details"_s};
    if (role == Qt::DisplayRole && section >= 0 && section < titles.size())
        return titles[section];
    if (role == Qt::TextAlignmentRole)
        return static_cast<int>((section == Start || section == Duration ? Qt::AlignRight : Qt::AlignLeft) |
                                Qt::AlignVCenter);
    return {};
}

} // namespace ts::ui
