#include "cost/cost_group_model.h"

#include "common/format.h"
#include "cost/cost_series.h"
#include "cost/cost_words.h"

using namespace Qt::StringLiterals;

namespace ts::ui::costpanel {

namespace {

QString percent(double share) { return QString::number(share * 100.0, 'f', 1) + u'%'; }

// 950, 12.3k, 4.16M: a column of token counts a reader compares, not adds up.
QString compactCount(std::int64_t n)
{
    if (n < 1000)
        return QString::number(n);
    if (n < 1'000'000)
        return QString::number(static_cast<double>(n) / 1e3, 'f', n < 10'000 ? 2 : 1) + u'k';
    return QString::number(static_cast<double>(n) / 1e6, 'f', n < 10'000'000 ? 2 : 1) + u'M';
}

} // namespace

CostGroupModel::CostGroupModel(QObject* parent) : QAbstractTableModel(parent) {}

void CostGroupModel::setAnalysis(std::shared_ptr<const CostAnalysis> analysis)
{
    beginResetModel();
    analysis_ = std::move(analysis);
    endResetModel();
    // The group column's title follows the grouping.
    Q_EMIT headerDataChanged(Qt::Horizontal, Group, Group);
}

int CostGroupModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !analysis_ ? 0 : static_cast<int>(analysis_->groups.size());
}

int CostGroupModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CostGroupModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const GroupFigures& g = analysis_->groups[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole: return display(g, index.column());
    case kSortRole: return sortValue(g, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == Group ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::DecorationRole:
        return index.column() == Group ? QVariant(groupColor(std::min(index.row(), kChartGroups))) : QVariant();
    default: return {};
    }
}

QVariant CostGroupModel::display(const GroupFigures& g, int column) const
{
    switch (column) {
    case Group: return text::groupName(g.name, analysis_->request.dimension);
    case Spend: return format::cost(g.figures.costUsd);
    case Share: return percent(g.share);
    case Requests: return format::grouped(g.figures.requests);
    case PerThousand: return format::cost(g.figures.costPerThousand());
    case Tokens: return compactCount(g.figures.tokens);
    case CacheSaved: return format::cost(g.figures.cacheSavedUsd);
    default: return {};
    }
}

QVariant CostGroupModel::sortValue(const GroupFigures& g, int column) const
{
    switch (column) {
    case Group: return text::groupName(g.name, analysis_->request.dimension).toLower();
    case Spend: return g.figures.costUsd;
    case Share: return g.share;
    case Requests: return static_cast<qlonglong>(g.figures.requests);
    case PerThousand: return g.figures.costPerThousand();
    case Tokens: return static_cast<qlonglong>(g.figures.tokens);
    case CacheSaved: return g.figures.cacheSavedUsd;
    default: return {};
    }
}

QVariant CostGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Group: return analysis_ ? text::dimensionLabel(analysis_->request.dimension) : u"Group"_s;
    case Spend: return u"Spend"_s;
    case Share: return u"Share"_s;
    case Requests: return u"Requests"_s;
    case PerThousand: return u"Per 1k req."_s;
    case Tokens: return u"Tokens"_s;
    case CacheSaved: return u"Cache saved"_s;
    default: return {};
    }
}

} // namespace ts::ui::costpanel
