#pragma once
#include "model/trace.h"

#include <QAbstractTableModel>
#include <memory>
#include <vector>

namespace ts::ui::costpanel {

// The most expensive traces of the range, dearest first; a proxy sorts on kSortRole.
class TopTracesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Model, User, Cost, Tokens, Duration, Preview, ColumnCount };
    static constexpr int kSortRole = Qt::UserRole;
    static constexpr int kTraceIdRole = Qt::UserRole + 1;

    explicit TopTracesModel(QObject* parent = nullptr);

    // `traces` belong to the analysis `owner`, which the model keeps alive.
    void setTraces(std::shared_ptr<const void> owner, const std::vector<TraceSummary>* traces);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const TraceSummary& t, int column) const;
    QVariant sortValue(const TraceSummary& t, int column) const;

    std::shared_ptr<const void> owner_;
    const std::vector<TraceSummary>* traces_ = nullptr;
};

} // namespace ts::ui::costpanel
