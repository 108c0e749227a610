#pragma once
#include "model/trace.h"
#include "trace/filter.h"
#include "trace/store.h"
#include "traces/id_list.h"
#include "traces/summary_cache.h"
#include "traces/trace_columns.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>

#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace ts::ui {

class StoreWatcher;
namespace traces {
class PageFetcher;
class TraceListLoader;
} // namespace traces

// The traces table over a store, smooth at a million rows (Wireshark's packet list idea):
// - the model owns an immutable snapshot, the row ids in display order, loaded off the GUI thread in
//   stages (first page, then all ids); the newest load wins;
// - cell data comes from a bounded cache of summaries filled a page at a time off the GUI thread;
//   an unfetched row shows a placeholder until dataChanged says its page is in;
// - when the store changes the new id list is merged: rows inserted at the top (newest first),
//   else a layout change that keeps persistent indexes, so the selection survives.
class TraceTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using Column = traces::Column;
    enum Role {
        TraceIdRole = Qt::UserRole + 1, // QString; invalid until the row's page is in
        RowIdRole,                      // qint64 store row id; always known
        SummaryRole,                    // ts::TraceSummary; invalid until the row's page is in
    };
    static constexpr int kPageRows = 256;

    explicit TraceTableModel(std::shared_ptr<TraceStore> store, QObject* parent = nullptr);
    ~TraceTableModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Columns with a TraceOrderKey reload the id list in that order; others are ignored.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(TraceFilter filter);
    const TraceFilter& filter() const { return filter_; }
    TraceOrder order() const { return order_; }
    bool isLoading() const;
    bool isComplete() const { return complete_; } // the whole id list for this filter and order is in
    std::int64_t rowIdAt(int row) const;
    int rowOfRowId(std::int64_t rowId) const;      // -1 when not listed
    int rowOfTrace(const QString& traceId) const; // among fetched rows; -1 when not known
    static bool isSortable(int column);

public Q_SLOTS:
    // Reloads the id list with the same filter and order and merges it (tracesChanged calls it).
    void refresh();

Q_SIGNALS:
    // After a new filter or order (and at the start): the first rows can be shown.
    void firstPageReady(qint64 msToFirstPage);
    // After every load, refreshes included: the whole id list is in.
    void loaded(qint64 totalRows, qint64 msToFirstPage);
    void loadFailed(const QString& reason);

private:
    struct PageRequest
    {
        quint64 epoch = 0;
        int page = 0;
    };

    void connectWorkers();
    void startLoad(bool reset);
    void onFirstPage(quint64 generation, std::shared_ptr<const traces::RowBlock> rows);
    void onIds(quint64 generation, traces::IdListPtr ids);
    void onLoadFailed(const QString& reason);
    void onFetched(qint64 key, std::shared_ptr<const traces::RowBlock> rows);
    void onFetchDone(qint64 key);
    void resetTo(traces::IdListPtr ids);
    void mergeTo(traces::IdListPtr ids);
    void insertRowsTo(traces::IdListPtr ids, int first, int last);
    void removeRowsTo(traces::IdListPtr ids, int first, int last);
    void rearrangeTo(traces::IdListPtr ids);
    void noteFirstPage();
    void requestPage(int row) const;
    void pageChanged(const PageRequest& request);
    QVariant cell(const traces::RowData& row, int column, int role) const;
    QVariant placeholder(int column, int role) const;
    static QVariant alignment(int column);

    std::shared_ptr<TraceStore> store_;
    TraceFilter filter_;
    TraceOrder order_;
    traces::IdListPtr ids_;
    bool complete_ = false;
    bool resetPending_ = false; // the running load replaces the rows rather than merging
    bool refreshPending_ = false;
    bool announceFirstPage_ = false; // a refresh merges quietly; only new filters and orders announce
    quint64 epoch_ = 0;         // changes whenever rows move, so in-flight pages know their rows moved
    QElapsedTimer sinceRequest_;
    qint64 msToFirstPage_ = -1;

    mutable traces::SummaryCache cache_;
    mutable std::unordered_set<int> pagesWaiting_; // for the current epoch
    mutable std::unordered_map<qint64, PageRequest> requests_;
    mutable qint64 nextRequest_ = 0;

    traces::TraceListLoader* loader_;
    traces::PageFetcher* fetcher_;
    StoreWatcher* watcher_;
};

} // namespace ts::ui

Q_DECLARE_METATYPE(ts::TraceSummary)
