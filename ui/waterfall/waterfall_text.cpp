#include "waterfall/waterfall_text.h"

#include "common/format.h"
#include "model/attributes.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace ts::ui::waterfalltext {

namespace {

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

QString attemptText(const WaterfallData& data, std::size_t row)
{
    const WaterfallRow& r = data.rows[row];
    const Span& span = data.spanAt(row);
    if (r.has(WaterfallRow::Fallback))
        return u"fallback → "_s % qs(span.attrView(attr::kRequestModel)) % u" (attempt "_s % QString::number(r.attempt) %
               u')';
    if (r.has(WaterfallRow::Retry))
        return u"retry (attempt "_s % QString::number(r.attempt) % u')';
    return {};
}

QString statusText(const Span& span)
{
    if (span.status != SpanStatus::Error)
        return span.status == SpanStatus::Ok ? u"ok"_s : u"unset"_s;
    const std::string_view category = span.attrView(attr::kErrorCategory);
    QString text = u"error"_s;
    if (!category.empty())
        text += u" ("_s % qs(category) % u')';
    if (!span.statusMessage.empty())
        text += u": "_s % qs(span.statusMessage).left(200);
    return text;
}

} // namespace

QString spanName(const WaterfallData& data, std::size_t row) { return qs(data.spanAt(row).name); }

QString barLabel(const WaterfallData& data, std::size_t row)
{
    const Span& span = data.spanAt(row);
    QStringList parts{format::duration(nsToMs(span.duration()))};
    if (const QString attempt = attemptText(data, row); !attempt.isEmpty())
        parts << attempt;
    if (data.rows[row].has(WaterfallRow::Error))
        parts << u"error"_s;
    if (const StreamMarks* s = data.streamOf(row); s && s->firstToken)
        parts << u"TTFT "_s % format::duration(nsToMs(*s->firstToken - span.start));
    return parts.join(u" · "_s);
}

QString toolTip(const WaterfallData& data, std::size_t row)
{
    const Span& span = data.spanAt(row);
    const WaterfallRow& r = data.rows[row];
    QStringList lines;
    lines << u"<b>"_s % spanName(data, row).toHtmlEscaped() % u"</b> — "_s % categoryName(r.category);
    lines << u"start "_s % format::offset(nsToMs(span.start - data.start)) % u", duration "_s %
                 format::duration(nsToMs(span.duration()));
    lines << u"status "_s % statusText(span).toHtmlEscaped();
    if (const QString attempt = attemptText(data, row); !attempt.isEmpty())
        lines << attempt.toHtmlEscaped();
    if (auto model = span.attrView(attr::kRequestModel); !model.empty() && r.category == SpanCategory::LlmCall)
        lines << u"model "_s % qs(model).toHtmlEscaped();
    if (const StreamMarks* s = data.streamOf(row)) {
        if (s->firstToken)
            lines << u"first token after "_s % format::duration(nsToMs(*s->firstToken - span.start));
        if (!s->arrivals.empty())
            lines << format::grouped(static_cast<std::int64_t>(s->arrivals.size())) % u" chunks streamed"_s;
    }
    if (r.has(WaterfallRow::Critical))
        lines << u"on the critical path for "_s % format::duration(nsToMs(data.criticalTimeOf(row)));
    if (r.subtree > 1)
        lines << format::grouped(r.subtree - 1) % u" spans below"_s;
    return lines.join(u"<br>"_s);
}

QString headline(const WaterfallData& data)
{
    const TraceSummary& sum = data.trace->summary;
    QStringList parts;
    parts << u"<b>"_s % qs(sum.name.empty() ? std::string_view("(unnamed trace)") : std::string_view(sum.name)).toHtmlEscaped() %
                 u"</b>"_s;
    if (!sum.model.empty())
        parts << qs(sum.model).toHtmlEscaped();
    parts << format::duration(nsToMs(data.end - data.start));
    parts << format::grouped(static_cast<std::int64_t>(data.rows.size())) % u" spans"_s;
    if (data.errors)
        parts << u"<span style=\"color:#d64545\">"_s % format::grouped(data.errors) % (data.errors == 1 ? u" error"_s : u" errors"_s) %
                     u"</span>"_s;
    if (data.retries)
        parts << format::grouped(data.retries) % (data.retries == 1 ? u" retry"_s : u" retries"_s);
    if (data.fallbacks)
        parts << format::grouped(data.fallbacks) % (data.fallbacks == 1 ? u" fallback"_s : u" fallbacks"_s);
    if (data.firstToken)
        parts << u"TTFT "_s % format::duration(nsToMs(*data.firstToken - data.trace->root()->start));
    parts << u"critical path "_s % format::grouped(static_cast<std::int64_t>(data.criticalSpans.size())) % u" spans"_s;
    return parts.join(u" · "_s);
}

} // namespace ts::ui::waterfalltext
