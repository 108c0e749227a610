#include "playground/tool_calls_view.h"

#include "playground/tool_call_block.h"

#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

ToolCallsView::ToolCallsView(const std::vector<ToolCall>& calls, const std::vector<ToolDefinition>& tools,
                             bool answerable, QWidget* parent)
    : QWidget(parent), send_(new QPushButton(calls.size() == 1 ? u"Send result"_s : u"Send results"_s, this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    for (const ToolCall& call : calls) {
        auto* block = new ToolCallBlock(call, tools, this);
        block->setAnswerable(answerable);
        layout->addWidget(block);
        blocks_.push_back(block);
    }
    send_->setToolTip(u"Add the results to the conversation as tool messages and ask the model again"_s);
    send_->setVisible(answerable);
    layout->addWidget(send_, 0, Qt::AlignLeft);
    connect(send_, &QPushButton::clicked, this, &ToolCallsView::resultsSubmitted);
}

QStringList ToolCallsView::answers() const
{
    QStringList out;
    for (const ToolCallBlock* b : blocks_)
        out << b->answer();
    return out;
}

void ToolCallsView::setAnswered()
{
    for (ToolCallBlock* b : blocks_)
        b->setAnswerable(false);
    send_->setVisible(false);
}

} // namespace ts::ui
