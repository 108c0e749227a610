#include "settings/models_box.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QListWidgetItem* editableItem(const QString& text)
{
    auto* item = new QListWidgetItem(text);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    return item;
}

} // namespace

ModelsBox::ModelsBox(QWidget* parent)
    : QWidget(parent), list_(new QListWidget(this)), fetch_(new QPushButton(u"List models"_s, this))
{
    list_->setAccessibleName(u"Models"_s);
    list_->setMaximumHeight(110);
    fetch_->setToolTip(u"Ask the server which models it serves and offer those"_s);
    auto* add = new QPushButton(u"Add"_s, this);
    auto* remove = new QPushButton(u"Remove"_s, this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addWidget(fetch_);
    buttons->addStretch();
    auto* hint = new QLabel(u"Empty: the kind's usual models."_s, this);
    hint->setStyleSheet(u"color: palette(placeholder-text);"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(list_);
    layout->addWidget(hint);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] {
        auto* item = editableItem(QString());
        list_->addItem(item);
        list_->editItem(item);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        delete list_->currentItem();
        Q_EMIT changed();
    });
    connect(fetch_, &QPushButton::clicked, this, &ModelsBox::listRequested);
    connect(list_, &QListWidget::itemChanged, this, &ModelsBox::changed);
}

void ModelsBox::setModels(const QStringList& models)
{
    {
        const QSignalBlocker quiet(list_);
        list_->clear();
        for (const QString& m : models)
            list_->addItem(editableItem(m));
    }
    Q_EMIT changed();
}

QStringList ModelsBox::models() const
{
    QStringList out;
    for (int i = 0; i < list_->count(); ++i)
        if (const QString m = list_->item(i)->text().trimmed(); !m.isEmpty() && !out.contains(m))
            out << m;
    return out;
}

} // namespace ts::ui
