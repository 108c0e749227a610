#include "waterfall/span_detail_table.h"

#include "common/format.h"
#include "traces/guard_marks.h"
#include "traces/span_view.h"

#include <QHeaderView>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

} // namespace

SpanDetailTable::SpanDetailTable(QWidget* parent) : QTableWidget(0, 2, parent)
{
    setHorizontalHeaderLabels({u"Attribute"_s, u"Value"_s});
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setStretchLastSection(true);
    setColumnWidth(0, 170);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setWordWrap(false);
}

void SpanDetailTable::showRow(const WaterfallData* data, int row)
{
    setRowCount(0);
    if (!data || row < 0 || static_cast<std::size_t>(row) >= data->rows.size())
        return;
    const Span& span = data->spanAt(static_cast<std::size_t>(row));
    addRow(u"name"_s, qs(span.name));
    addRow(u"span id"_s, qs(span.spanId));
    if (!span.parentSpanId.empty())
        addRow(u"parent span id"_s, qs(span.parentSpanId));
    addRow(u"start"_s, format::offset(nsToMs(span.start - data->start)));
    addRow(u"duration"_s, format::duration(nsToMs(span.duration())));
    addWaterfallRows(*data, static_cast<std::size_t>(row));
    if (!span.statusMessage.empty())
        addRow(u"status message"_s, qs(span.statusMessage));
    for (const auto& [label, text] : guardmarks::findingRows(span))
        addRow(label, text);
    for (const auto& [key, value] : span.attributes)
        addRow(qs(key), attributeText(value));
    for (const SpanEvent& event : span.events)
        addRow(u"event @ "_s % format::offset(nsToMs(event.time - span.start)), qs(event.name));
}

void SpanDetailTable::addWaterfallRows(const WaterfallData& data, std::size_t row)
{
    const WaterfallRow& r = data.rows[row];
    addRow(u"kind"_s, categoryName(r.category));
    if (r.has(WaterfallRow::Critical))
        addRow(u"critical path"_s, format::duration(nsToMs(data.criticalTimeOf(row))) % u" on the path"_s);
    if (r.has(WaterfallRow::Retry))
        addRow(u"retry"_s, u"attempt "_s % QString::number(r.attempt));
    if (r.has(WaterfallRow::Fallback))
        addRow(u"fallback"_s, u"attempt "_s % QString::number(r.attempt) % u" on another deployment"_s);
    if (const StreamMarks* s = data.streamOf(row)) {
        if (s->firstToken)
            addRow(u"first token"_s, format::duration(nsToMs(*s->firstToken - data.spanAt(row).start)));
        if (!s->arrivals.empty())
            addRow(u"chunks"_s, format::grouped(static_cast<std::int64_t>(s->arrivals.size())));
    }
    if (r.subtree > 1)
        addRow(u"spans below"_s, format::grouped(r.subtree - 1));
}

void SpanDetailTable::addRow(const QString& key, const QString& value)
{
    const int row = rowCount();
    insertRow(row);
    setItem(row, 0, new QTableWidgetItem(key));
    auto* item = new QTableWidgetItem(value);
    item->setToolTip(value);
    setItem(row, 1, item);
}

QString SpanDetailTable::valueOf(const QString& key) const
{
    for (int row = 0; row < rowCount(); ++row)
        if (item(row, 0)->text() == key)
            return item(row, 1)->text();
    return {};
}

} // namespace ts::ui
