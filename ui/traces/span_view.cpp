#include "traces/span_view.h"

#include "common/format.h"
#include "traces/guard_marks.h"
#include "traces/span_tree_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QSplitter>
#include <QStringList>
#include <QTableWidget>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QTableWidget* attributeTableWidget()
{
    auto* table = new QTableWidget(0, 2);
    table->setHorizontalHeaderLabels({u"Attribute"_s, u"Value"_s});
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setColumnWidth(0, 230);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    return table;
}

} // namespace

QString attributeText(const AttrValue& value)
{
    struct Visitor
    {
        QString operator()(const std::string& s) const { return qs(s); }
        QString operator()(std::int64_t i) const { return QString::number(i); }
        QString operator()(double d) const { return QString::number(d, 'g', 10); }
        QString operator()(bool b) const { return b ? u"true"_s : u"false"_s; }
        QString operator()(const std::vector<std::string>& list) const
        {
            QStringList items;
            for (const std::string& s : list)
                items << qs(s);
            return items.join(u", "_s);
        }
    };
    return std::visit(Visitor{}, value);
}

SpanView::SpanView(QWidget* parent)
    : QWidget(parent), model_(new SpanTreeModel(this)), tree_(new QTreeView), attributes_(attributeTableWidget())
{
    configureTree();
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(tree_);
    splitter->addWidget(attributes_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void SpanView::configureTree()
{
    tree_->setModel(model_);
    tree_->setUniformRowHeights(true);
    tree_->setAlternatingRowColors(true);
    tree_->setWordWrap(false);
    tree_->header()->setStretchLastSection(true);
    tree_->setColumnWidth(SpanTreeModel::Name, 235); // room for three levels of indentation
    tree_->setColumnWidth(SpanTreeModel::Stage, 92);
    tree_->setColumnWidth(SpanTreeModel::Start, 76);
    tree_->setColumnWidth(SpanTreeModel::Duration, 70);
    tree_->setColumnWidth(SpanTreeModel::Status, 46);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showSpan(model_->spanAt(current)); });
}

void SpanView::setTrace(const Trace& trace)
{
    model_->setTrace(trace);
    tree_->expandAll();
    const QModelIndex first = model_->index(0, 0);
    tree_->setCurrentIndex(first);
    showSpan(model_->spanAt(first));
}

void SpanView::clear()
{
    model_->clear();
    showSpan(nullptr);
}

void SpanView::showSpan(const Span* span)
{
    attributes_->setRowCount(0);
    if (!span)
        return;
    addRow(u"span id"_s, qs(span->spanId));
    if (!span->parentSpanId.empty())
        addRow(u"parent span id"_s, qs(span->parentSpanId));
    addRow(u"duration"_s, format::duration(nsToMs(span->duration())));
    if (!span->statusMessage.empty())
        addRow(u"status message"_s, qs(span->statusMessage));
    for (const auto& [label, text] : guardmarks::findingRows(*span)) // a guard span's findings, read
        addRow(label, text);
    for (const auto& [key, value] : span->attributes)
        addRow(qs(key), attributeText(value));
    for (const SpanEvent& event : span->events)
        addRow(u"event @ "_s % format::offset(nsToMs(event.time - span->start)), qs(event.name));
}

void SpanView::addRow(const QString& key, const QString& value)
{
    const int row = attributes_->rowCount();
    attributes_->insertRow(row);
    attributes_->setItem(row, 0, new QTableWidgetItem(key));
    auto* item = new QTableWidgetItem(value);
    item->setToolTip(value);
    attributes_->setItem(row, 1, item);
}

} // namespace ts::ui
