#include "settings/providers_list.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

ProvidersList::ProvidersList(const QString& profilesPath, QWidget* parent)
    : QWidget(parent), model_(new ProviderListModel(this)), view_(new QTableView(this))
{
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->verticalHeader()->hide();
    view_->setWordWrap(false);
    view_->setTextElideMode(Qt::ElideMiddle);
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view_->horizontalHeader()->setSectionResizeMode(ProviderListModel::BaseUrl, QHeaderView::Stretch);
    view_->setAccessibleName(u"Provider profiles"_s);
    auto* buttons = new QHBoxLayout;
    for (auto [text, signal] : {std::pair{u"Add"_s, &ProvidersList::addRequested}, {u"Edit"_s, &ProvidersList::editRequested},
                                {u"Duplicate"_s, &ProvidersList::duplicateRequested},
                                {u"Remove"_s, &ProvidersList::removeRequested}}) {
        auto* b = new QPushButton(text, this);
        buttons->addWidget(b);
        connect(b, &QPushButton::clicked, this, signal);
    }
    buttons->addStretch();
    auto* where = new QLabel(u"Saved in "_s + profilesPath + u"; keys never are."_s, this);
    where->setWordWrap(true);
    where->setStyleSheet(u"color: palette(placeholder-text);"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view_, 1);
    layout->addLayout(buttons);
    layout->addWidget(where);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ProvidersList::currentChanged);
}

void ProvidersList::setRows(std::vector<ProviderRow> rows, const QString& keep)
{
    const QSignalBlocker quiet(view_->selectionModel());
    model_->setRows(std::move(rows));
    if (const int row = model_->rowOf(keep); row >= 0)
        view_->selectRow(row);
}

QString ProvidersList::selectedId() const
{
    const ProviderRow* row = model_->row(view_->currentIndex().row());
    return row ? row->id : QString();
}

bool ProvidersList::select(const QString& id)
{
    const int row = model_->rowOf(id);
    if (row >= 0)
        view_->selectRow(row);
    return row >= 0;
}

bool ProvidersList::selectFirst()
{
    if (model_->rowCount() == 0)
        return false;
    view_->selectRow(0);
    return true;
}

void ProvidersList::clearSelection()
{
    const QSignalBlocker quiet(view_->selectionModel());
    view_->selectionModel()->clear();
}

} // namespace ts::ui
