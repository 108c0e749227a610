#include "settings/connection_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace ts::ui {

ConnectionBar::ConnectionBar(QWidget* parent)
    : QWidget(parent), test_(new QPushButton(u"Test connection"_s, this)), cancel_(new QPushButton(u"Cancel"_s, this)),
      spinner_(new QProgressBar(this)), status_(new QLabel(this))
{
    test_->setToolTip(u"Ask the server for its models with this profile and key"_s);
    spinner_->setRange(0, 0); // indeterminate: "still waiting for the server"
    spinner_->setTextVisible(false);
    spinner_->setFixedSize(80, 6);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(test_);
    layout->addWidget(cancel_);
    layout->addWidget(spinner_);
    layout->addWidget(status_, 1);
    connect(test_, &QPushButton::clicked, this, &ConnectionBar::testRequested);
    connect(cancel_, &QPushButton::clicked, this, &ConnectionBar::cancelRequested);
    setBusy(false);
}

void ConnectionBar::setBusy(bool busy)
{
    busy_ = busy;
    test_->setEnabled(!busy);
    cancel_->setVisible(busy);
    spinner_->setVisible(busy);
}

void ConnectionBar::showBusy(const QString& what)
{
    setBusy(true);
    status_->setStyleSheet(QString());
    status_->setText(what);
}

void ConnectionBar::showOutcome(const ConnectionOutcome& outcome)
{
    setBusy(false);
    status_->setStyleSheet(outcome.ok() ? u"color: #1e8449;"_s : outcome.cancelled ? QString() : u"color: #c0392b;"_s);
    status_->setText(outcome.summary());
}

void ConnectionBar::showProblem(const QString& problem)
{
    setBusy(false);
    status_->setStyleSheet(u"color: #c0392b;"_s);
    status_->setText(problem);
}

QString ConnectionBar::statusText() const { return status_->text(); }

} // namespace ts::ui
