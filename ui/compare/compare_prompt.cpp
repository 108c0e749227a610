#include "compare/compare_prompt.h"

#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

ComparePrompt::ComparePrompt(QWidget* parent)
    : QWidget(parent), system_(new QPlainTextEdit(this)), user_(new QPlainTextEdit(this)),
      send_(new QPushButton(u"Send"_s, this)), stop_(new QPushButton(u"Stop all"_s, this)),
      add_(new QPushButton(u"Add column"_s, this)), status_(new QLabel(this))
{
    system_->setPlaceholderText(u"System prompt (optional)"_s);
    system_->setAccessibleName(u"System prompt"_s);
    system_->setTabChangesFocus(true);
    user_->setPlaceholderText(u"Prompt for every model  (Ctrl+Enter to send, Esc to stop)"_s);
    user_->setAccessibleName(u"Prompt"_s);
    user_->setObjectName(u"comparePrompt"_s);
    user_->setTabChangesFocus(true);
    send_->setToolTip(u"Send the prompt to every column at once (Ctrl+Enter)"_s);
    stop_->setToolTip(u"Stop every column (Esc)"_s);
    add_->setToolTip(u"Compare one more model (up to four)"_s);
    status_->setStyleSheet(u"color: palette(placeholder-text);"_s);
    status_->setWordWrap(true);

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(send_);
    buttons->addWidget(stop_);
    buttons->addWidget(add_);
    buttons->addStretch(1);
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(system_, 0, 0);
    grid->addWidget(user_, 0, 1);
    grid->addLayout(buttons, 0, 2);
    grid->addWidget(status_, 1, 0, 1, 3);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 2);
    connect(send_, &QPushButton::clicked, this, &ComparePrompt::sendRequested);
    connect(stop_, &QPushButton::clicked, this, &ComparePrompt::stopRequested);
    connect(add_, &QPushButton::clicked, this, &ComparePrompt::addColumnRequested);
    setBusy(false);
}

QString ComparePrompt::systemPrompt() const { return system_->toPlainText(); }
QString ComparePrompt::userPrompt() const { return user_->toPlainText(); }

void ComparePrompt::setPrompt(const QString& user, const QString& system)
{
    user_->setPlainText(user);
    system_->setPlainText(system);
}

void ComparePrompt::setBusy(bool busy)
{
    send_->setEnabled(!busy);
    stop_->setEnabled(busy);
}

void ComparePrompt::setCanAddColumn(bool can) { add_->setEnabled(can); }
void ComparePrompt::setStatus(const QString& text) { status_->setText(text); }
QString ComparePrompt::status() const { return status_->text(); }

} // namespace ts::ui
