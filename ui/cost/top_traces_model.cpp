#include "cost/top_traces_model.h"

#include "common/format.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace ts::ui::costpanel {

TopTracesModel::TopTracesModel(QObject* parent) : QAbstractTableModel(parent) {}

void TopTracesModel::setTraces(std::shared_ptr<const void> owner, const std::vector<TraceSummary>* traces)
{
    beginResetModel();
    owner_ = std::move(owner);
    traces_ = traces;
    endResetModel();
}

int TopTracesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !traces_ ? 0 : static_cast<int>(traces_->size());
}

int TopTracesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TopTracesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TraceSummary& t = (*traces_)[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole: return display(t, index.column());
    case Qt::ToolTipRole:
        return index.column() == Preview ? QString::fromStdString(t.preview)
               : index.column() == Time  ? format::timestamp(t.start)
                                         : QVariant();
    case kSortRole: return sortValue(t, index.column());
    case kTraceIdRole: return QString::fromStdString(t.traceId);
    case Qt::TextAlignmentRole:
        return index.column() == Cost || index.column() == Tokens || index.column() == Duration
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    default: return {};
    }
}

QVariant TopTracesModel::display(const TraceSummary& t, int column) const
{
    switch (column) {
    case Time: return QDateTime::fromMSecsSinceEpoch(t.start / kNsPerMs).toString(u"MMM d HH:mm"_s); // local, as Traces
    case Model: return QString::fromStdString(t.model);
    case User: return QString::fromStdString(t.user);
    case Cost: return format::cost(t.costUsd);
    case Tokens: return format::tokens(t.inputTokens + t.outputTokens);
    case Duration: return format::duration(t.durationMs);
    case Preview: return QString::fromStdString(t.preview).simplified();
    default: return {};
    }
}

QVariant TopTracesModel::sortValue(const TraceSummary& t, int column) const
{
    switch (column) {
    case Time: return static_cast<qlonglong>(t.start);
    case Cost: return t.costUsd;
    case Tokens: return static_cast<qlonglong>(t.inputTokens + t.outputTokens);
    case Duration: return t.durationMs;
    default: return display(t, column).toString().toLower();
    }
}

QVariant TopTracesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const QStringList kTitles{u"Time"_s, u"Model"_s, u"User"_s, u"Cost"_s, u"Tokens"_s, u"Duration"_s,
                                     u"Preview"_s};
    return section >= 0 && section < kTitles.size() ? kTitles[section] : QVariant();
}

} // namespace ts::ui::costpanel
