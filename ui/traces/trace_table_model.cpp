#include "traces/trace_table_model.h"

#include "bridge/store_watcher.h"
#include "traces/page_fetcher.h"
#include "traces/trace_list_loader.h"

using namespace Qt::StringLiterals;

namespace ts::ui {

using namespace traces;

TraceTableModel::TraceTableModel(std::shared_ptr<TraceStore> store, QObject* parent)
    : QAbstractTableModel(parent), store_(std::move(store)), ids_(std::make_shared<const IdList>()),
      loader_(new TraceListLoader(store_, this)), fetcher_(new PageFetcher(store_, this)),
      watcher_(new StoreWatcher(store_, this))
{
    qRegisterMetaType<ts::TraceSummary>();
    connectWorkers();
    startLoad(true);
}

TraceTableModel::~TraceTableModel() = default;

void TraceTableModel::connectWorkers()
{
    connect(loader_, &TraceListLoader::firstPageLoaded, this, &TraceTableModel::onFirstPage);
    connect(loader_, &TraceListLoader::idsLoaded, this, &TraceTableModel::onIds);
    connect(loader_, &TraceListLoader::failed, this, [this](quint64, const QString& reason) { onLoadFailed(reason); });
    connect(fetcher_, &PageFetcher::fetched, this, &TraceTableModel::onFetched);
    connect(fetcher_, &PageFetcher::dropped, this, &TraceTableModel::onFetchDone);
    connect(fetcher_, &PageFetcher::failed, this, [this](qint64 key, const QString& reason) {
        requests_.erase(key); // not retried by itself: the next refresh or scroll asks again
        Q_EMIT loadFailed(reason);
    });
    connect(watcher_, &StoreWatcher::tracesChanged, this, &TraceTableModel::refresh);
}

int TraceTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(ids_->size());
}

int TraceTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TraceTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == RowIdRole)
        return QVariant::fromValue<qint64>(rowIdAt(index.row()));
    if (const RowData* row = cache_.find(rowIdAt(index.row())))
        return cell(*row, index.column(), role);
    requestPage(index.row());
    return placeholder(index.column(), role);
}

QVariant TraceTableModel::cell(const RowData& row, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole: return row.text[static_cast<size_t>(column)];
    case Qt::ToolTipRole: return row.missing ? u"This trace was deleted"_s : rowToolTip(row.summary);
    case Qt::TextAlignmentRole: return alignment(column);
    case Qt::ForegroundRole:
        if (auto color = foreground(row, column))
            return *color;
        return {};
    case Qt::BackgroundRole:
        if (auto color = background(row.summary))
            return *color;
        return {};
    case TraceIdRole: return row.missing ? QVariant() : QString::fromStdString(row.summary.traceId);
    case SummaryRole: return row.missing ? QVariant() : QVariant::fromValue(row.summary);
    default: return {};
    }
}

// What a row shows until its page is in: an ellipsis, so the view can scroll without waiting.
QVariant TraceTableModel::placeholder(int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole: return column == Name ? u"…"_s : QString();
    case Qt::ForegroundRole: return QColor(128, 128, 128);
    case Qt::TextAlignmentRole: return alignment(column);
    default: return {};
    }
}

QVariant TraceTableModel::alignment(int column)
{
    return static_cast<int>((isNumeric(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
}

QVariant TraceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (role) {
    case Qt::DisplayRole: return columnTitle(section);
    case Qt::ToolTipRole: return columnToolTip(section);
    case Qt::TextAlignmentRole: return alignment(section);
    default: return {};
    }
}

bool TraceTableModel::isSortable(int column) { return orderKeyFor(column).has_value(); }

void TraceTableModel::sort(int column, Qt::SortOrder order)
{
    const auto key = orderKeyFor(column);
    const bool descending = order == Qt::DescendingOrder;
    if (!key || (*key == order_.key && descending == order_.descending))
        return;
    order_ = {*key, descending};
    startLoad(true);
}

void TraceTableModel::setFilter(TraceFilter filter)
{
    filter_ = std::move(filter);
    startLoad(true);
}

void TraceTableModel::refresh() { startLoad(false); }

bool TraceTableModel::isLoading() const { return loader_->isRunning(); }

std::int64_t TraceTableModel::rowIdAt(int row) const
{
    return row >= 0 && static_cast<size_t>(row) < ids_->size() ? (*ids_)[static_cast<size_t>(row)] : 0;
}

int TraceTableModel::rowOfRowId(std::int64_t rowId) const { return positionOf(rowId, *ids_); }

int TraceTableModel::rowOfTrace(const QString& traceId) const
{
    const std::int64_t rowId = cache_.rowIdOfTrace(traceId.toStdString());
    return rowId ? rowOfRowId(rowId) : -1;
}

// A reset load (new filter or order) shows its first page as soon as it is in; a refresh keeps the
// rows on screen, runs after the load in progress, and merges.
void TraceTableModel::startLoad(bool reset)
{
    if (!reset && loader_->isRunning()) {
        refreshPending_ = true;
        return;
    }
    resetPending_ = reset;
    announceFirstPage_ = reset;
    complete_ = complete_ && !reset; // rows of the old filter or order may show until the first page is in
    refreshPending_ = false;
    msToFirstPage_ = -1;
    sinceRequest_.start();
    loader_->start({filter_, order_, reset});
}

void TraceTableModel::onFirstPage(quint64, std::shared_ptr<const RowBlock> rows)
{
    auto ids = std::make_shared<IdList>();
    for (const RowData& row : *rows)
        ids->push_back(row.summary.rowId);
    cache_.insert(std::move(rows));
    resetTo(std::move(ids));
    noteFirstPage();
}

void TraceTableModel::onIds(quint64, IdListPtr ids)
{
    if (resetPending_)
        resetTo(std::move(ids));
    else
        mergeTo(std::move(ids));
    complete_ = true;
    noteFirstPage();
    Q_EMIT loaded(rowCount(), msToFirstPage_);
    if (refreshPending_)
        startLoad(false);
}

void TraceTableModel::onLoadFailed(const QString& reason)
{
    complete_ = true;
    Q_EMIT loadFailed(reason);
    if (refreshPending_)
        startLoad(false);
}

void TraceTableModel::noteFirstPage()
{
    if (msToFirstPage_ >= 0)
        return;
    msToFirstPage_ = sinceRequest_.elapsed();
    if (announceFirstPage_)
        Q_EMIT firstPageReady(msToFirstPage_);
}

void TraceTableModel::resetTo(IdListPtr ids)
{
    beginResetModel();
    ids_ = std::move(ids);
    ++epoch_;
    pagesWaiting_.clear();
    resetPending_ = false;
    endResetModel();
}

void TraceTableModel::mergeTo(IdListPtr ids)
{
    const int before = rowCount();
    const int after = static_cast<int>(ids->size());
    const IdListChange change = compareIdLists(*ids_, *ids);
    switch (change.kind) {
    case IdListChange::Same: ids_ = std::move(ids); return;
    case IdListChange::InsertedAtTop: return insertRowsTo(std::move(ids), 0, change.count - 1);
    case IdListChange::AppendedAtBottom: return insertRowsTo(std::move(ids), before, after - 1);
    case IdListChange::RemovedFromTop: return removeRowsTo(std::move(ids), 0, change.count - 1);
    case IdListChange::RemovedFromBottom: return removeRowsTo(std::move(ids), after, before - 1);
    case IdListChange::Rearranged: return rearrangeTo(std::move(ids));
    }
}

void TraceTableModel::insertRowsTo(IdListPtr ids, int first, int last)
{
    beginInsertRows({}, first, last);
    ids_ = std::move(ids);
    ++epoch_;
    pagesWaiting_.clear();
    endInsertRows();
}

void TraceTableModel::removeRowsTo(IdListPtr ids, int first, int last)
{
    beginRemoveRows({}, first, last);
    ids_ = std::move(ids);
    ++epoch_;
    pagesWaiting_.clear();
    endRemoveRows();
}

// Rows moved, appeared and vanished in the middle: persistent indexes (the selection, the current
// row) follow their trace by row id.
void TraceTableModel::rearrangeTo(IdListPtr ids)
{
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList from = persistentIndexList();
    std::vector<std::int64_t> rowIds;
    rowIds.reserve(static_cast<size_t>(from.size()));
    for (const QModelIndex& index : from)
        rowIds.push_back(rowIdAt(index.row()));
    ids_ = std::move(ids);
    ++epoch_;
    pagesWaiting_.clear();
    const std::vector<int> rows = positionsOf(rowIds, *ids_);
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i)
        to << (rows[static_cast<size_t>(i)] < 0 ? QModelIndex() : index(rows[static_cast<size_t>(i)], from[i].column()));
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged();
}

void TraceTableModel::requestPage(int row) const
{
    const int page = row / kPageRows;
    if (!pagesWaiting_.insert(page).second)
        return;
    const auto first = ids_->begin() + static_cast<std::ptrdiff_t>(page) * kPageRows;
    const auto last = ids_->begin() + std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(ids_->size()),
                                                               static_cast<std::ptrdiff_t>(page + 1) * kPageRows);
    const qint64 key = nextRequest_++;
    requests_[key] = {epoch_, page};
    fetcher_->request(key, std::vector<std::int64_t>(first, last));
}

void TraceTableModel::onFetched(qint64 key, std::shared_ptr<const RowBlock> rows)
{
    cache_.insert(std::move(rows));
    onFetchDone(key);
}

// The page is in (or was dropped): repaint its rows, which asks again for what is still missing.
void TraceTableModel::onFetchDone(qint64 key)
{
    auto it = requests_.find(key);
    if (it == requests_.end())
        return;
    const PageRequest request = it->second;
    requests_.erase(it);
    pageChanged(request);
}

void TraceTableModel::pageChanged(const PageRequest& request)
{
    if (rowCount() == 0)
        return;
    if (request.epoch != epoch_) { // rows moved since: the page's rows could be anywhere
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    pagesWaiting_.erase(request.page);
    const int first = request.page * kPageRows;
    const int last = std::min(rowCount(), first + kPageRows) - 1;
    if (first <= last)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

} // namespace ts::ui
