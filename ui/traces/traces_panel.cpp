#include "traces/traces_panel.h"

#include "common/format.h"
#include "traces/filter_bar.h"
#include "traces/trace_deletion.h"
#include "traces/trace_detail_view.h"
#include "traces/trace_table_model.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <array>

using namespace Qt::StringLiterals;

namespace ts::ui {

using Col = traces::Column;

namespace {

// Widths that fit a 1280-wide window with the request preview taking what is left.
constexpr std::array<std::pair<int, int>, 10> kColumnWidths{{{Col::Time, 142},
                                                             {Col::Model, 138},
                                                             {Col::Provider, 78},
                                                             {Col::Status, 66},
                                                             {Col::InputTokens, 78},
                                                             {Col::OutputTokens, 80},
                                                             {Col::Cost, 74},
                                                             {Col::Ttft, 68},
                                                             {Col::Duration, 74},
                                                             {Col::Source, 122}}};

} // namespace

TracesPanel::TracesPanel(std::shared_ptr<TraceStore> store, QWidget* parent)
    : QWidget(parent), model_(new TraceTableModel(store, this)), filterBar_(new FilterBar), count_(new QLabel),
      table_(new QTableView), detail_(new TraceDetailView(store)), deletion_(new TraceDeletion(store, this))
{
    buildLayout();
    configureTable();
    addDeleteActions();
    connectModel();
    connectSelection();
    updateCount();
}

TracesPanel::~TracesPanel() = default;

void TracesPanel::buildLayout()
{
    auto* top = new QHBoxLayout;
    top->addWidget(filterBar_, 1);
    top->addWidget(count_, 0, Qt::AlignTop);
    count_->setMinimumWidth(110);
    count_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    count_->setMinimumHeight(filterBar_->sizeHint().height());
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(table_);
    splitter->addWidget(detail_);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 4);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
}

void TracesPanel::configureTable()
{
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setWordWrap(false);
    table_->setShowGrid(false);
    table_->setAlternatingRowColors(true);
    table_->setTextElideMode(Qt::ElideRight);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    QHeaderView* header = table_->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(Col::Name, QHeaderView::Stretch);
    for (const auto& [column, width] : kColumnWidths)
        table_->setColumnWidth(column, width);
    header->setSortIndicator(Col::Time, Qt::DescendingOrder); // the model's own order: no reload
    table_->setSortingEnabled(true);
}

// In the table's context menu (after what the window adds there) and on the Delete key.
void TracesPanel::addDeleteActions()
{
    auto* selected = new QAction(u"Delete Selected Traces…"_s, table_);
    selected->setShortcut(QKeySequence::Delete);
    selected->setShortcutContext(Qt::WidgetShortcut);
    connect(selected, &QAction::triggered, this, &TracesPanel::deleteSelected);
    auto* matching = new QAction(u"Delete All Matching the Filter…"_s, table_);
    connect(matching, &QAction::triggered, this, &TracesPanel::deleteMatching);
    auto* separator = new QAction(table_);
    separator->setSeparator(true);
    table_->addActions({separator, selected, matching});
    table_->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(deletion_, &TraceDeletion::status, this, &TracesPanel::status);
}

void TracesPanel::deleteSelected()
{
    std::vector<std::int64_t> rowIds;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows())
        if (const std::int64_t id = model_->rowIdAt(index.row()); id > 0)
            rowIds.push_back(id);
    deletion_->deleteRows(std::move(rowIds));
}

void TracesPanel::deleteMatching()
{
    deletion_->deleteMatching(model_->filter(), filterBar_->appliedText());
}

void TracesPanel::connectModel()
{
    connect(filterBar_, &FilterBar::filterChanged, model_, &TraceTableModel::setFilter);
    connect(model_, &TraceTableModel::loadFailed, filterBar_,
            [this](const QString& reason) { filterBar_->showError(u"Could not list traces: "_s % reason); });
    connect(model_, &TraceTableModel::firstPageReady, this, &TracesPanel::onRowsChanged);
    connect(model_, &TraceTableModel::loaded, this, &TracesPanel::onRowsChanged);
    connect(model_, &TraceTableModel::rowsInserted, this, &TracesPanel::updateCount);
    connect(model_, &TraceTableModel::rowsRemoved, this, &TracesPanel::updateCount);
    connect(model_, &TraceTableModel::dataChanged, this, [this] {
        if (waitingForData_.isValid())
            showDetailOf(waitingForData_);
    });
    connect(table_->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            &TracesPanel::keepSortableIndicator);
    connect(detail_, &TraceDetailView::openInPlayground, this, &TracesPanel::openInPlayground);
    connect(detail_, &TraceDetailView::traceShown, this, &TracesPanel::onRowsChanged);
}

void TracesPanel::connectSelection()
{
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TracesPanel::onCurrentChanged);
}

// Clicking a column without a sort key puts the indicator back where the rows really are sorted.
void TracesPanel::keepSortableIndicator(int section, Qt::SortOrder)
{
    if (TraceTableModel::isSortable(section))
        return;
    const TraceOrder order = model_->order();
    table_->horizontalHeader()->setSortIndicator(traces::columnFor(order.key),
                                                 order.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
}

void TracesPanel::updateCount()
{
    if (!model_->isComplete()) {
        count_->setText(u"Loading…"_s);
        return;
    }
    const int rows = model_->rowCount();
    count_->setText(format::grouped(rows) % (rows == 1 ? u" trace"_s : u" traces"_s));
}

void TracesPanel::onCurrentChanged(const QModelIndex& current)
{
    if (!current.isValid())
        return; // a reset: the detail keeps showing the last trace
    selectedRowId_ = model_->rowIdAt(current.row());
    showDetailOf(current);
}

// The row's page may not be in yet (a keyboard jump to the end): then it is shown when it arrives.
void TracesPanel::showDetailOf(const QModelIndex& index)
{
    const QVariant traceId = index.siblingAtColumn(0).data(TraceTableModel::TraceIdRole);
    if (!traceId.isValid()) {
        waitingForData_ = index;
        return;
    }
    waitingForData_ = QPersistentModelIndex();
    const auto& shown = detail_->trace();
    if (shown && QString::fromStdString(shown->traceId) == traceId.toString())
        return;
    detail_->loadTrace(traceId.toString());
}

// New rows are in (first page, whole list, or the detail found a wanted trace): select what is asked.
void TracesPanel::onRowsChanged()
{
    updateCount();
    if (model_->rowCount() == 0)
        return;
    if (wantFirstRow_) {
        wantFirstRow_ = false;
        return selectRow(0);
    }
    int row = -1;
    if (!wantedTrace_.isEmpty()) {
        row = model_->rowOfTrace(wantedTrace_);
        if (const auto& shown = detail_->trace(); row < 0 && shown && QString::fromStdString(shown->traceId) == wantedTrace_)
            row = shown->summary.rowId ? model_->rowOfRowId(shown->summary.rowId) : -1;
    } else if (!table_->currentIndex().isValid() && selectedRowId_) {
        row = model_->rowOfRowId(selectedRowId_);
    }
    if (row >= 0)
        selectRow(row);
}

void TracesPanel::selectRow(int row)
{
    wantedTrace_.clear();
    table_->selectRow(row);
    table_->scrollTo(model_->index(row, 0), row == 0 ? QAbstractItemView::EnsureVisible
                                                     : QAbstractItemView::PositionAtCenter);
}

void TracesPanel::setFilterText(const QString& text) { filterBar_->setText(text); }

void TracesPanel::selectFirstRow()
{
    if (model_->rowCount() > 0)
        return selectRow(0);
    wantFirstRow_ = true;
}

void TracesPanel::selectTrace(const QString& traceId)
{
    if (const int row = model_->rowOfTrace(traceId); row >= 0)
        return selectRow(row);
    wantedTrace_ = traceId;
    detail_->loadTrace(traceId);
}

} // namespace ts::ui
