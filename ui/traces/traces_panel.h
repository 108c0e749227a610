#pragma once
#include "model/trace.h"

#include <QPersistentModelIndex>
#include <QString>
#include <QWidget>

#include <memory>

class QLabel;
class QTableView;

namespace ts {
class TraceStore;
}

namespace ts::ui {

class FilterBar;
class TraceDeletion;
class TraceDetailView;
class TraceTableModel;

// The Traces panel: a filter bar and a count over the traces table, and the selected trace in detail
// below it. The selected trace stays selected across live updates, re-sorting and re-filtering (when
// it still matches).
class TracesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TracesPanel(std::shared_ptr<TraceStore> store, QWidget* parent = nullptr);
    ~TracesPanel() override;

    TraceTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    TraceDetailView* detail() const { return detail_; }
    FilterBar* filterBar() const { return filterBar_; }
    QLabel* countLabel() const { return count_; }
    TraceDeletion* deletion() const { return deletion_; }

    void setFilterText(const QString& text); // applies at once
    void selectFirstRow();                   // now, or as soon as the first rows are in
    void selectTrace(const QString& traceId); // shows it at once; selects its row once it is listed

    // Asks, then deletes: the selected rows, or every trace the applied filter matches.
    void deleteSelected();
    void deleteMatching();

Q_SIGNALS:
    void openInPlayground(const ts::Trace& trace);
    void status(const QString& text);

private:
    void buildLayout();
    void configureTable();
    void addDeleteActions();
    void connectModel();
    void connectSelection();
    void keepSortableIndicator(int section, Qt::SortOrder order);
    void updateCount();
    void onCurrentChanged(const QModelIndex& current);
    void showDetailOf(const QModelIndex& index);
    void onRowsChanged();
    void selectRow(int row);

    TraceTableModel* model_;
    FilterBar* filterBar_;
    QLabel* count_;
    QTableView* table_;
    TraceDetailView* detail_;
    TraceDeletion* deletion_;
    QPersistentModelIndex waitingForData_; // current row whose page is not in yet
    std::int64_t selectedRowId_ = 0;        // to select again after a reset (filter, sort)
    QString wantedTrace_;                   // selectTrace() before its row was known
    bool wantFirstRow_ = false;
};

} // namespace ts::ui
