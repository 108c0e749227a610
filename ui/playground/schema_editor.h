#pragma once
#include <QWidget>
#include <functional>

class QLabel;
class QPlainTextEdit;

namespace ts::ui {

// A JSON Schema typed by hand, checked as it is typed: what is wrong shows in words under it.
class SchemaEditor : public QWidget
{
    Q_OBJECT
  public:
    using Check = std::function<QString(const QString&)>; // empty: fine; else the problem
    explicit SchemaEditor(Check check, QWidget* parent = nullptr);

    QString text() const;
    void setText(const QString& text);
    QString problem() const { return problem_; }
    QPlainTextEdit* editor() const { return edit_; }

  Q_SIGNALS:
    void changed();

  private:
    void recheck();

    Check check_;
    QPlainTextEdit* edit_;
    QLabel* error_;
    QString problem_;
};

} // namespace ts::ui
