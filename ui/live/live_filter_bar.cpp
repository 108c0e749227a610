#include "live/live_filter_bar.h"

#include "live/live_filter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

constexpr int kTypingPauseMs = 400;
constexpr LiveFilter::Range kRanges[] = {LiveFilter::Range::Day, LiveFilter::Range::Week, LiveFilter::Range::Month,
                                         LiveFilter::Range::Quarter, LiveFilter::Range::All};

} // namespace

LiveFilterBar::LiveFilterBar(LiveFilter* filter, QWidget* parent)
    : QWidget(parent), filter_(filter), range_(new QComboBox(this)), edit_(new QLineEdit(this)),
      error_(new QLabel(this))
{
    for (LiveFilter::Range r : kRanges)
        range_->addItem(LiveFilter::rangeLabel(r), static_cast<int>(r));
    range_->setAccessibleName(u"Time range"_s);
    edit_->setPlaceholderText(u"Filter: model:gpt-4o  route:writer-fast  tag:rag  user:alice  source:demo"_s);
    edit_->setClearButtonEnabled(true);
    edit_->setAccessibleName(u"Live panels filter"_s);
    edit_->setToolTip(u"Shared by Latency, Cost and Drift. Keys: model, provider, route, source, user, tag, "
                      u"since, until; -key:value excludes. These panels read hourly rollups, so times round "
                      u"to whole hours."_s);
    error_->setStyleSheet(u"color: #c0392b;"_s);
    error_->setWordWrap(true);
    error_->hide();

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(range_);
    row->addWidget(edit_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(error_);

    auto* pause = new QTimer(this);
    pause->setSingleShot(true);
    pause->setInterval(kTypingPauseMs);
    connect(edit_, &QLineEdit::textEdited, pause, qOverload<>(&QTimer::start));
    connect(pause, &QTimer::timeout, this, [this] { filter_->setText(edit_->text()); });
    connect(edit_, &QLineEdit::returnPressed, this, [this, pause] {
        pause->stop();
        filter_->setText(edit_->text());
    });
    connect(range_, &QComboBox::activated, this, [this](int index) {
        filter_->setRange(static_cast<LiveFilter::Range>(range_->itemData(index).toInt()));
    });
    connect(filter_, &LiveFilter::changed, this, &LiveFilterBar::follow);
    connect(filter_, &LiveFilter::errorChanged, this, &LiveFilterBar::follow);
    follow();
}

void LiveFilterBar::follow()
{
    if (!edit_->hasFocus() && edit_->text() != filter_->text())
        edit_->setText(filter_->text());
    range_->setCurrentIndex(range_->findData(static_cast<int>(filter_->range())));
    error_->setText(filter_->error());
    error_->setVisible(!filter_->error().isEmpty());
}

} // namespace ts::ui
