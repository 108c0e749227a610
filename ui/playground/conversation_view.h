#pragma once
#include "playground/message_bubble.h"

#include <QScrollArea>

class QVBoxLayout;

namespace ts::ui {

// The conversation as a column of bubbles that follows the newest one while it streams.
class ConversationView : public QScrollArea
{
    Q_OBJECT
public:
    explicit ConversationView(QWidget* parent = nullptr);

    MessageBubble* add(MessageBubble::Kind kind, const QString& title, const QString& text);
    void removeLast(int count);
    void clear();
    int count() const { return static_cast<int>(bubbles_.size()); }
    MessageBubble* last() const { return bubbles_.empty() ? nullptr : bubbles_.back(); }
    MessageBubble* at(int index) const { return bubbles_.at(static_cast<size_t>(index)); }
    void scrollToEnd();

private:
    QWidget* content_;
    QVBoxLayout* column_;
    std::vector<MessageBubble*> bubbles_;
    bool follow_ = true;
};

} // namespace ts::ui
