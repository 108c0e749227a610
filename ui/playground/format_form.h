#pragma once
#include "model/request.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace ts::ui {

class SchemaEditor;

// Structured output: plain text, any JSON object, or JSON held to a schema (name, strict, schema).
class FormatForm : public QWidget
{
    Q_OBJECT
  public:
    explicit FormatForm(QWidget* parent = nullptr);

    ResponseFormat format() const;
    void setFormat(const ResponseFormat& format);
    QString problem() const; // the schema cannot be sent as it is; empty otherwise
    SchemaEditor* schema() const { return schema_; }

  Q_SIGNALS:
    void changed();

  private:
    void showFields();

    QComboBox* type_;
    QWidget* schemaFields_;
    QLineEdit* name_;
    QCheckBox* strict_;
    SchemaEditor* schema_;
};

QString exampleSchema();

} // namespace ts::ui
