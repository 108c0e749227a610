#include "drift/drift_window_bar.h"

#include "drift/drift_text.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace ts::ui::drift {

namespace {

QComboBox* lengthBox(const QList<std::int64_t>& hours, std::int64_t chosen, const QString& autoText, QWidget* parent)
{
    auto* box = new QComboBox(parent);
    box->addItem(autoText, QVariant::fromValue<qint64>(kAuto));
    for (const std::int64_t h : hours)
        box->addItem(text::length(h), QVariant::fromValue<qint64>(h));
    box->setCurrentIndex(box->findData(QVariant::fromValue<qint64>(chosen)));
    return box;
}

void select(QComboBox* box, std::int64_t hours)
{
    int at = box->findData(QVariant::fromValue<qint64>(hours));
    if (at < 0) {
        box->addItem(text::length(hours), QVariant::fromValue<qint64>(hours));
        at = box->count() - 1;
    }
    box->setCurrentIndex(at);
}

} // namespace

DriftWindowBar::DriftWindowBar(QWidget* parent)
    : QWidget(parent),
      current_(lengthBox({1, 6, 24, 72, 168}, WindowChoice{}.currentHours, u"Auto"_s, this)),
      baseline_(lengthBox({24, 72, 168, 336, 720}, WindowChoice{}.baselineHours, u"Auto"_s, this)),
      dates_(new QLabel(this))
{
    current_->setToolTip(u"How much of the most recent traffic to judge. Fixed lengths count back from the end of "
                         "the filter's time range (now, or its until:); Auto takes the range's last eighth."_s);
    baseline_->setToolTip(u"The traffic just before the current window, that it is compared with; Auto takes the "
                          "rest of the filter's time range."_s);
    dates_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(u"Current:"_s, this));
    layout->addWidget(current_);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(u"against the baseline before it:"_s, this));
    layout->addWidget(baseline_);
    layout->addSpacing(16);
    layout->addWidget(dates_, 1);
    connect(current_, &QComboBox::currentIndexChanged, this, &DriftWindowBar::choiceChanged);
    connect(baseline_, &QComboBox::currentIndexChanged, this, &DriftWindowBar::choiceChanged);
}

WindowChoice DriftWindowBar::choice() const
{
    return {current_->currentData().value<qint64>(), baseline_->currentData().value<qint64>()};
}

void DriftWindowBar::setChoice(const WindowChoice& choice)
{
    const QSignalBlocker blockCurrent(current_), blockBaseline(baseline_);
    const WindowChoice before = this->choice();
    select(current_, choice.currentHours);
    select(baseline_, choice.baselineHours);
    if (this->choice() != before)
        Q_EMIT choiceChanged();
}

void DriftWindowBar::showWindows(const DriftWindows& windows)
{
    dates_->setText(text::windows(windows));
}

QString DriftWindowBar::datesText() const
{
    return dates_->text();
}

} // namespace ts::ui::drift
