#pragma once
#include "model/message.h"

#include <QWidget>

class QPushButton;

namespace ts::ui {

class ToolCallBlock;

// The calls of one assistant turn, each in its own block, and "Send results" to answer them all.
class ToolCallsView : public QWidget
{
    Q_OBJECT
  public:
    ToolCallsView(const std::vector<ToolCall>& calls, const std::vector<ToolDefinition>& tools,
                  bool answerable, QWidget* parent = nullptr);

    const std::vector<ToolCallBlock*>& blocks() const { return blocks_; }
    QStringList answers() const;
    void setAnswered(); // the results went out: nothing left to edit
    QPushButton* sendButton() const { return send_; }

  Q_SIGNALS:
    void resultsSubmitted();

  private:
    std::vector<ToolCallBlock*> blocks_;
    QPushButton* send_;
};

} // namespace ts::ui
