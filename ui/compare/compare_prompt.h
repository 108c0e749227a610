#pragma once
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ts::ui {

// The prompt every column gets: an optional system prompt, the user prompt, and the buttons
// (Send, Stop all, Add column) with a one-line status beside them.
class ComparePrompt : public QWidget
{
    Q_OBJECT
public:
    explicit ComparePrompt(QWidget* parent = nullptr);

    QString systemPrompt() const;
    QString userPrompt() const;
    void setPrompt(const QString& user, const QString& system = {});
    void setBusy(bool busy);
    void setCanAddColumn(bool can);
    void setStatus(const QString& text);
    QString status() const;

Q_SIGNALS:
    void sendRequested();
    void stopRequested();
    void addColumnRequested();

private:
    QPlainTextEdit* system_;
    QPlainTextEdit* user_;
    QPushButton* send_;
    QPushButton* stop_;
    QPushButton* add_;
    QLabel* status_;
};

} // namespace ts::ui
