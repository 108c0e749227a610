#pragma once
#include "cost/cost_analysis.h"

#include <QAbstractTableModel>
#include <memory>

namespace ts::ui::costpanel {

// The groups of a Cost analysis, one row each, in its order (by spend); a proxy sorts on kSortRole.
// The groups the chart draws carry their colour as decoration.
class CostGroupModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Group, Spend, Share, Requests, PerThousand, Tokens, CacheSaved, ColumnCount };
    static constexpr int kSortRole = Qt::UserRole;

    explicit CostGroupModel(QObject* parent = nullptr);

    void setAnalysis(std::shared_ptr<const CostAnalysis> analysis);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const GroupFigures& g, int column) const;
    QVariant sortValue(const GroupFigures& g, int column) const;

    std::shared_ptr<const CostAnalysis> analysis_;
};

} // namespace ts::ui::costpanel
