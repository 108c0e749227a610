#include "common/analysis_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace ts::ui {

AnalysisBar::AnalysisBar(const QString& title, QWidget* parent)
    : QWidget(parent), status_(new QLabel(this)), progress_(new QProgressBar(this)),
      cancel_(new QPushButton(u"Cancel"_s, this)), refresh_(new QPushButton(u"Refresh"_s, this))
{
    auto* heading = new QLabel(title, this);
    heading->setStyleSheet(u"font-size: 16px; font-weight: 600;"_s);
    progress_->setMaximumWidth(220);
    progress_->setTextVisible(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addSpacing(12);
    layout->addWidget(status_, 1);
    layout->addWidget(progress_);
    layout->addWidget(cancel_);
    layout->addWidget(refresh_);
    connect(cancel_, &QPushButton::clicked, this, &AnalysisBar::cancelClicked);
    connect(refresh_, &QPushButton::clicked, this, &AnalysisBar::refreshClicked);
    setBusy(false);
}

void AnalysisBar::setBusy(bool busy)
{
    progress_->setVisible(busy);
    cancel_->setVisible(busy);
    refresh_->setEnabled(!busy);
    if (busy)
        progress_->setRange(0, 0); // busy until the first figure arrives
}

void AnalysisBar::showRunning(const QString& status)
{
    setBusy(true);
    setStatus(status);
}

void AnalysisBar::showDone(const QString& status)
{
    setBusy(false);
    setStatus(status);
}

void AnalysisBar::showFailed(const QString& reason)
{
    showDone(u"The workspace could not be read: "_s + reason);
}

void AnalysisBar::setProgress(const QString& what, int done, int total)
{
    progress_->setRange(0, total);
    progress_->setValue(done);
    status_->setText(what % u"… "_s % QString::number(done) % u" of "_s % QString::number(total));
}

void AnalysisBar::setStatus(const QString& text)
{
    status_->setText(text);
}

QString AnalysisBar::status() const
{
    return status_->text();
}

void AnalysisBar::setStatusWordWrap(bool wrap)
{
    status_->setWordWrap(wrap);
}

} // namespace ts::ui
