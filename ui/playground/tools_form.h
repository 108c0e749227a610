#pragma once
#include "model/message.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace ts::ui {

class ToolEditor;

// The functions offered to the model: a list of tool editors with add, duplicate and remove.
// The request carries the ones switched on.
class ToolsForm : public QWidget
{
    Q_OBJECT
  public:
    explicit ToolsForm(QWidget* parent = nullptr);

    ToolEditor* addTool(const ToolDefinition& tool);
    ToolEditor* addTool(); // an example to edit
    void setTools(const std::vector<ToolDefinition>& tools);
    std::vector<ToolDefinition> offeredTools() const;
    std::vector<ToolEditor*> editors() const { return editors_; }
    QString problem() const; // the first offered tool that cannot be sent, in words; empty if none

  Q_SIGNALS:
    void changed();

  private:
    void remove(ToolEditor* editor);
    void updateHint();

    QVBoxLayout* list_;
    QLabel* hint_;
    std::vector<ToolEditor*> editors_;
};

ToolDefinition exampleTool();

} // namespace ts::ui
