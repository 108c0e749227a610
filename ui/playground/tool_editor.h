#pragma once
#include "model/message.h"

#include <QFrame>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace ts::ui {

class SchemaEditor;

// One function the model may call: on or off, its name, what it does, and its parameters as a
// JSON Schema, each checked as it is typed.
class ToolEditor : public QFrame
{
    Q_OBJECT
  public:
    explicit ToolEditor(const ToolDefinition& tool, QWidget* parent = nullptr);

    ToolDefinition definition() const;
    bool isOffered() const;
    void setOffered(bool on);
    QString problem() const; // empty when the definition can be sent
    SchemaEditor* schema() const { return schema_; }

  Q_SIGNALS:
    void changed();
    void duplicateRequested();
    void removeRequested();

  private:
    QWidget* buildHeader();
    void recheckName();

    QCheckBox* enabled_;
    QLineEdit* name_;
    QLabel* nameError_;
    QLineEdit* description_;
    SchemaEditor* schema_;
};

} // namespace ts::ui
