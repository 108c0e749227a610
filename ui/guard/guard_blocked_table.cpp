#include "guard/guard_blocked_table.h"

#include "common/format.h"
#include "guard/guard_text.h"

#include <QHeaderView>

using namespace Qt::StringLiterals;

namespace ts::ui::guardpanel {

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString stageText(const std::string& stage)
{
    return stage == "guard.output" ? u"output"_s : stage == "guard.input" ? u"input"_s : qs(stage);
}

QString typesText(const std::string& types)
{
    return qs(types).split(u',', Qt::SkipEmptyParts).join(u", "_s);
}

} // namespace

BlockedTable::BlockedTable(QWidget* parent) : QTableWidget(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels(
        {u"Time"_s, u"Stage"_s, u"Policy"_s, u"Reason"_s, u"Finding types"_s, u"Model"_s, u"User"_s});
    setEditTriggers(NoEditTriggers);
    setSelectionBehavior(SelectRows);
    setSelectionMode(SingleSelection);
    setWordWrap(false);
    setAlternatingRowColors(true);
    setAccessibleName(u"Blocked requests"_s);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    for (const int c : {Time, StageColumn, Policy, Types, Model, User})
        horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(Reason, QHeaderView::Stretch);
    setToolTip(u"Double-click a request to open its trace"_s);
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        const QString id = traceIdAt(index.row());
        if (!id.isEmpty())
            Q_EMIT traceRequested(id);
    });
    showPlaceholder(u"Reading traces…"_s);
}

void BlockedTable::setAnalysis(std::shared_ptr<const GuardAnalysis> analysis)
{
    analysis_ = std::move(analysis);
    clearSpans();
    if (analysis_->blocked.empty())
        return showPlaceholder(text::noBlockedRequests(*analysis_));
    setRowCount(static_cast<int>(analysis_->blocked.size()));
    for (int row = 0; row < rowCount(); ++row) {
        const BlockedRequest& b = analysis_->blocked[static_cast<std::size_t>(row)];
        setCell(row, Time, format::timestamp(b.time));
        setCell(row, StageColumn, stageText(b.stage));
        setCell(row, Policy, qs(b.policy));
        setCell(row, Reason, qs(b.reason));
        setCell(row, Types, typesText(b.types));
        setCell(row, Model, b.model.empty() ? u"—"_s : qs(b.model));
        setCell(row, User, b.user.empty() ? u"—"_s : qs(b.user));
    }
}

int BlockedTable::requestCount() const
{
    return analysis_ ? static_cast<int>(analysis_->blocked.size()) : 0;
}

QString BlockedTable::traceIdAt(int row) const
{
    if (!analysis_ || row < 0 || row >= requestCount())
        return {};
    return qs(analysis_->blocked[static_cast<std::size_t>(row)].traceId);
}

void BlockedTable::setCell(int row, int column, const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(column == Time ? u"Trace "_s % traceIdAt(row) % u" — double-click to open it"_s : text);
    setItem(row, column, item);
}

void BlockedTable::showPlaceholder(const QString& text)
{
    clearSpans();
    setRowCount(1);
    setSpan(0, 0, 1, ColumnCount);
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled);
    item->setForeground(palette().color(QPalette::PlaceholderText));
    item->setToolTip(text);
    setItem(0, 0, item);
}

} // namespace ts::ui::guardpanel
