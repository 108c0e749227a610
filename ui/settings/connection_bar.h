#pragma once
#include "settings/connection_test.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ts::ui {

// "Test connection", its busy state with a Cancel button, and its result in words.
class ConnectionBar : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionBar(QWidget* parent = nullptr);

    void showBusy(const QString& what); // "Testing connection…"
    void showOutcome(const ConnectionOutcome& outcome);
    void showProblem(const QString& problem);
    QString statusText() const;
    bool busy() const { return busy_; }
    QPushButton* testButton() const { return test_; }
    QPushButton* cancelButton() const { return cancel_; }

Q_SIGNALS:
    void testRequested();
    void cancelRequested();

private:
    void setBusy(bool busy);

    QPushButton* test_;
    QPushButton* cancel_;
    QProgressBar* spinner_;
    QLabel* status_;
    bool busy_ = false;
};

} // namespace ts::ui
