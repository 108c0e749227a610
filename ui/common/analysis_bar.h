#pragma once
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ts::ui {

// The top bar of a panel whose analysis runs on a worker: its title, a status line, and while busy
// a progress bar and Cancel; Refresh otherwise.
class AnalysisBar : public QWidget
{
    Q_OBJECT
  public:
    explicit AnalysisBar(const QString& title, QWidget* parent = nullptr);

    // Busy shows progress (indeterminate until the first figure) and Cancel, and disables Refresh.
    void setBusy(bool busy);
    void showRunning(const QString& status); // busy, saying so
    void showDone(const QString& status);    // finished or cancelled
    void showFailed(const QString& reason);  // the workspace could not be read
    // "<what>… <done> of <total>", with the bar to match.
    void setProgress(const QString& what, int done, int total);
    void setStatus(const QString& text);
    QString status() const;
    void setStatusWordWrap(bool wrap);

  Q_SIGNALS:
    void cancelClicked();
    void refreshClicked();

  private:
    QLabel* status_;
    QProgressBar* progress_;
    QPushButton* cancel_;
    QPushButton* refresh_;
};

} // namespace ts::ui
