#include "playground/conversation_view.h"

#include <QScrollBar>
#include <QTimer>
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
    // After the layout has taken the new text into account.
    QTimer::singleShot(0, this, [this] { verticalScrollBar()->setValue(verticalScrollBar()->maximum()); });
}

} // namespace ts::ui
