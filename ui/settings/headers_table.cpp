#include "settings/headers_table.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

HeadersTable::HeadersTable(QWidget* parent) : QWidget(parent), table_(new QTableWidget(0, 2, this))
{
    table_->setHorizontalHeaderLabels({u"Header"_s, u"Value"_s});
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    table_->setMaximumHeight(96);
    table_->setAccessibleName(u"Custom headers"_s);
    auto* add = new QPushButton(u"Add header"_s, this);
    auto* remove = new QPushButton(u"Remove header"_s, this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table_);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] {
        table_->insertRow(table_->rowCount());
        table_->setCurrentCell(table_->rowCount() - 1, 0);
        Q_EMIT changed();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (table_->currentRow() >= 0)
            table_->removeRow(table_->currentRow());
        Q_EMIT changed();
    });
    connect(table_, &QTableWidget::itemChanged, this, &HeadersTable::changed);
}

void HeadersTable::setHeaders(const Headers& headers)
{
    const QSignalBlocker quiet(table_);
    table_->setRowCount(0);
    for (const auto& [name, value] : headers) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        table_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(name)));
        table_->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(value)));
    }
}

HeadersTable::Headers HeadersTable::headers() const
{
    Headers out;
    for (int row = 0; row < table_->rowCount(); ++row) {
        const auto text = [&](int col) { return table_->item(row, col) ? table_->item(row, col)->text().trimmed() : QString(); };
        if (!text(0).isEmpty())
            out.emplace_back(text(0).toStdString(), text(1).toStdString());
    }
    return out;
}

} // namespace ts::ui
