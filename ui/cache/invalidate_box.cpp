#include "cache/invalidate_box.h"

#include "cache/cache_invalidator.h"
#include "common/format.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui::cachepanel {

namespace {

const QString kAnyModel = u"any model"_s;

QString entries(qint64 n) { return format::grouped(n) + (n == 1 ? u" entry"_s : u" entries"_s); }

QWidget* row(QWidget* parent, const QList<QWidget*>& widgets)
{
    auto* box = new QWidget(parent);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : widgets)
        layout->addWidget(w);
    layout->addStretch(1);
    return box;
}

} // namespace

InvalidateBox::InvalidateBox(CacheInvalidator* invalidator, QWidget* parent)
    : QGroupBox(u"Invalidate exact cache entries"_s, parent), invalidator_(invalidator), chosen_(new QLabel(this)),
      model_(new QComboBox(this)), user_(new QLineEdit(this)), hours_(new QSpinBox(this)),
      entry_(new QPushButton(u"Invalidate entry"_s, this)), scope_(new QPushButton(u"Invalidate scope"_s, this)),
      age_(new QPushButton(u"Invalidate older entries"_s, this)), status_(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildRows());
    status_->setWordWrap(true);
    layout->addWidget(status_);
    auto* note = new QLabel(u"Semantic cache entries live in the memory of the process that serves them and expire "
                            u"with their TTL; they are not kept in the workspace."_s,
                            this);
    note->setWordWrap(true);
    note->setStyleSheet(u"color: palette(mid);"_s);
    layout->addWidget(note);
    layout->addStretch(1);
    connect(entry_, &QPushButton::clicked, this, [this] { invalidator_->invalidateEntry(chosenKey_); });
    connect(scope_, &QPushButton::clicked, this, [this] {
        ts::cache::CacheScope scope;
        if (model_->currentText() != kAnyModel && !model_->currentText().isEmpty())
            scope.model = model_->currentText().toStdString();
        if (!user_->text().trimmed().isEmpty())
            scope.user = user_->text().trimmed().toStdString();
        invalidator_->invalidateScope(scope);
    });
    connect(age_, &QPushButton::clicked, this,
            [this] { invalidator_->invalidateOlderThan(static_cast<Nanos>(hours_->value()) * 3600 * kNsPerSec); });
    connect(invalidator_, &CacheInvalidator::done, this, &InvalidateBox::onCounted);
    connect(invalidator_, &CacheInvalidator::failed, this, &InvalidateBox::onFailed);
    setChosenEntry({}, {});
    invalidator_->count();
}

QWidget* InvalidateBox::buildRows()
{
    auto* rows = new QWidget(this);
    auto* form = new QFormLayout(rows);
    chosen_->setWordWrap(true);
    form->addRow(u"Entry"_s, row(rows, {chosen_, entry_}));
    model_->setEditable(true);
    model_->addItem(kAnyModel);
    model_->setMinimumContentsLength(18);
    user_->setPlaceholderText(u"any user"_s);
    form->addRow(u"Scope"_s, row(rows, {new QLabel(u"Model"_s, rows), model_, new QLabel(u"User"_s, rows), user_, scope_}));
    hours_->setRange(1, 24 * 365);
    hours_->setValue(24);
    hours_->setSuffix(u" hours"_s);
    form->addRow(u"Age"_s, row(rows, {new QLabel(u"Older than"_s, rows), hours_, age_}));
    return rows;
}

void InvalidateBox::setModels(const QStringList& models)
{
    const QString current = model_->currentText();
    model_->clear();
    model_->addItem(kAnyModel);
    model_->addItems(models);
    model_->setCurrentText(current);
}

void InvalidateBox::setChosenEntry(const std::string& key, const QString& question)
{
    chosenKey_ = key;
    chosen_->setText(question.isEmpty() ? u"Choose a pair under Threshold tuning: the entry is its earlier answer."_s
                                        : u"The earlier answer to “"_s + question + u"”"_s);
    updateButtons();
}

void InvalidateBox::onCounted(qint64 removed, qint64 remaining)
{
    unavailable_ = remaining > 0 ? QString() : u"The workspace's exact cache is empty: nothing to invalidate."_s;
    const QString left = remaining > 0 ? u"The exact cache holds "_s + entries(remaining) + u'.' : unavailable_;
    status_->setText(removed < 0 ? left : u"Removed "_s + entries(removed) + u". "_s + left);
    updateButtons();
}

void InvalidateBox::onFailed(const QString& reason)
{
    unavailable_ = u"The exact cache cannot be used: "_s + reason;
    status_->setText(unavailable_);
    updateButtons();
}

void InvalidateBox::updateButtons()
{
    for (QPushButton* b : {entry_, scope_, age_}) {
        b->setEnabled(unavailable_.isEmpty());
        b->setToolTip(unavailable_);
    }
    if (unavailable_.isEmpty() && chosenKey_.empty()) {
        entry_->setEnabled(false);
        entry_->setToolTip(chosen_->text().startsWith(u"Choose"_s)
                               ? chosen_->text()
                               : u"That answer was not stored in the exact cache."_s);
    }
}

QString InvalidateBox::status() const { return status_->text(); }

} // namespace ts::ui::cachepanel
