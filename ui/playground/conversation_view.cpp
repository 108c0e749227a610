#include "playground/conversation_view.h"

#include <QScrollBar>
#include <QVBoxLayout>

namespace ts::ui {

ConversationView::ConversationView(QWidget* parent)
    : QScrollArea(parent), content_(new QWidget(this)), column_(new QVBoxLayout(content_))
{
    column_->setContentsMargins(16, 16, 16, 16);
    column_->setSpacing(10);
    column_->addStretch(1);
    setWidget(content_);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    // Follow the newest text while it grows, until the user scrolls away from the end.
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this](int, int max) {
        if (follow_)
            verticalScrollBar()->setValue(max);
    });
    connect(verticalScrollBar(), &QScrollBar::actionTriggered, this, [this] {
        follow_ = verticalScrollBar()->sliderPosition() >= verticalScrollBar()->maximum();
    });
}

MessageBubble* ConversationView::add(MessageBubble::Kind kind, const QString& title, const QString& text)
{
    auto* bubble = new MessageBubble(kind, title, text, content_);
    column_->insertWidget(column_->count() - 1, bubble);
    bubbles_.push_back(bubble);
    scrollToEnd();
    return bubble;
}

void ConversationView::removeLast(int count)
{
    for (int i = 0; i < count && !bubbles_.empty(); ++i) {
        delete bubbles_.back();
        bubbles_.pop_back();
    }
}

void ConversationView::clear() { removeLast(static_cast<int>(bubbles_.size())); }

void ConversationView::scrollToEnd()
{
    follow_ = true;
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

} // namespace ts::ui
