#include "traces/filter_bar.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

FilterBar::FilterBar(QWidget* parent) : QWidget(parent), edit_(new QLineEdit), error_(new QLabel)
{
    edit_->setPlaceholderText(u"Filter:  model:gpt-4o  status:error  cost>0.01  ttft>500  "
                              "since:2026-11-01  -source:demo  \"refund policy\""_s);
    edit_->setClearButtonEnabled(true);
    error_->setStyleSheet(u"color: #c82828;"_s);
    error_->setWordWrap(true);
    error_->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(edit_);
    layout->addWidget(error_);
    debounce_.setSingleShot(true);
    debounce_.setInterval(kDebounceMs);
    connect(&debounce_, &QTimer::timeout, this, &FilterBar::apply);
    connect(edit_, &QLineEdit::textChanged, &debounce_, qOverload<>(&QTimer::start));
    connect(edit_, &QLineEdit::returnPressed, this, &FilterBar::apply);
}

QString FilterBar::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

void FilterBar::setText(const QString& text)
{
    edit_->setText(text);
    apply();
}

void FilterBar::apply()
{
    debounce_.stop();
    const QString text = edit_->text().trimmed();
    const FilterParse parsed = parseFilter(text.toStdString());
    if (!parsed.ok()) {
        showError(QString::fromStdString(parsed.error) % u"  — still showing the previous filter"_s);
        return;
    }
    clearError();
    if (text == applied_)
        return;
    applied_ = text;
    Q_EMIT filterChanged(parsed.filter);
}

void FilterBar::showError(const QString& reason)
{
    error_->setText(reason);
    error_->show();
}

void FilterBar::clearError() { error_->hide(); }

} // namespace ts::ui
