#pragma once
#include "model/cancel.h"
#include "trace/filter.h"
#include "trace/store.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>
#include <vector>

class QMessageBox;
class QProgressDialog;
class QWidget;

namespace ts::ui {

// Deleting traces from the window: the selected rows, or every trace a filter matches. What would
// go is counted first (off the GUI thread) and the user confirms it with the count and the cost
// in front of them; the deletion then runs on a worker in the store's short transactions, with a
// progress dialog (after half a second) whose Cancel keeps what was already deleted. One at a time.
class TraceDeletion : public QObject
{
    Q_OBJECT
public:
    TraceDeletion(std::shared_ptr<TraceStore> store, QWidget* window);
    ~TraceDeletion() override; // cancels a running deletion and waits for it

    bool busy() const { return busy_; }
    // False (nothing happens) while another deletion is asked for or runs, or when there is nothing.
    bool deleteRows(std::vector<std::int64_t> rowIds);
    bool deleteMatching(const TraceFilter& filter, const QString& filterText);
    // Without asking: for a caller that already showed what goes (Settings › Workspace, retention).
    bool deleteConfirmed(const TraceSelection& which);

    // The open confirmation, for tests and accessibility; null when none is open.
    QMessageBox* confirmation() const { return confirm_; }
    void cancel();

Q_SIGNALS:
    void status(const QString& text);
    // After a deletion ran (not when the user said no): how many traces went and what they cost.
    void deleted(qint64 traces, double costUsd, bool cancelled);

private:
    void ask(const TraceSelection& which, const DeleteResult& preview, const QString& what);
    void run(const TraceSelection& which);
    void done(const DeleteResult& result);
    void fail(const QString& reason);

    std::shared_ptr<TraceStore> store_;
    QWidget* window_;
    QThreadPool worker_;
    std::shared_ptr<CancelToken> cancel_;
    QMessageBox* confirm_ = nullptr;
    QProgressDialog* progress_ = nullptr;
    bool busy_ = false;
};

} // namespace ts::ui
