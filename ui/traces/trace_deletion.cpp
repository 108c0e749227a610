#include "traces/trace_deletion.h"

#include "common/format.h"

#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QtConcurrent>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

// What a worker hands back: the result, or why the workspace refused.
struct Outcome
{
    TraceSelection which;
    DeleteResult result;
    QString error;
};

template <typename Work>
Outcome guarded(TraceSelection which, Work work)
{
    Outcome out{std::move(which), {}, {}};
    try {
        out.result = work(out.which);
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

} // namespace

TraceDeletion::TraceDeletion(std::shared_ptr<TraceStore> store, QWidget* window)
    : QObject(window), store_(std::move(store)), window_(window)
{
    worker_.setMaxThreadCount(1);
}

TraceDeletion::~TraceDeletion()
{
    cancel();
    worker_.waitForDone();
}

void TraceDeletion::cancel()
{
    if (cancel_)
        cancel_->cancel();
}

bool TraceDeletion::deleteRows(std::vector<std::int64_t> rowIds)
{
    if (busy_ || rowIds.empty())
        return false;
    busy_ = true;
    const QString what = rowIds.size() == 1 ? tr("the selected trace") : tr("the selected traces");
    // Row ids become trace ids on the worker: the rows' pages need not be loaded.
    QtConcurrent::run(&worker_, [store = store_, rowIds = std::move(rowIds)] {
        return guarded(TraceSelection{}, [&](TraceSelection& which) {
            std::vector<std::string> ids;
            for (const TraceSummary& s : store->reader()->summaries(rowIds))
                ids.push_back(s.traceId);
            which = std::move(ids);
            return store->previewDelete(which);
        });
    }).then(this, [this, what](const Outcome& o) {
        if (!o.error.isEmpty())
            return fail(o.error);
        ask(o.which, o.result, what);
    });
    return true;
}

bool TraceDeletion::deleteMatching(const TraceFilter& filter, const QString& filterText)
{
    if (busy_)
        return false;
    busy_ = true;
    const QString what = filterText.trimmed().isEmpty() ? tr("every trace in this workspace")
                                                        : tr("every trace matching “%1”").arg(filterText.trimmed());
    QtConcurrent::run(&worker_, [store = store_, filter] {
        return guarded(TraceSelection{filter}, [&](TraceSelection& which) { return store->previewDelete(which); });
    }).then(this, [this, what](const Outcome& o) {
        if (!o.error.isEmpty())
            return fail(o.error);
        ask(o.which, o.result, what);
    });
    return true;
}

bool TraceDeletion::deleteConfirmed(const TraceSelection& which)
{
    if (busy_)
        return false;
    busy_ = true;
    run(which);
    return true;
}

void TraceDeletion::ask(const TraceSelection& which, const DeleteResult& preview, const QString& what)
{
    if (preview.traces == 0) {
        busy_ = false;
        Q_EMIT status(tr("Nothing to delete: no trace is left of %1.").arg(what));
        return;
    }
    confirm_ = new QMessageBox(QMessageBox::Warning, tr("Delete traces"),
                               tr("Delete %1, %2 of spend?").arg(format::traceCount(preview.traces), format::cost(preview.costUsd)),
                               QMessageBox::Cancel, window_);
    confirm_->setInformativeText(
        tr("This deletes %1 with their spans, messages and raw exchanges, and takes them out of every "
           "total and chart. It cannot be undone. The workspace file keeps its size until it is compacted "
           "(tokenscope-cli compact).")
            .arg(what));
    QPushButton* yes = confirm_->addButton(tr("Delete %1").arg(format::traceCount(preview.traces)), QMessageBox::DestructiveRole);
    confirm_->setDefaultButton(QMessageBox::Cancel);
    confirm_->setWindowModality(Qt::WindowModal);
    confirm_->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm_, &QMessageBox::finished, this, [this, which, yes] {
        const bool confirmed = confirm_->clickedButton() == yes;
        confirm_ = nullptr;
        if (confirmed) {
            run(which);
        } else {
            busy_ = false;
            Q_EMIT status(tr("Nothing was deleted."));
        }
    });
    confirm_->open();
}

void TraceDeletion::run(const TraceSelection& which)
{
    cancel_ = std::make_shared<CancelToken>();
    progress_ = new QProgressDialog(tr("Deleting traces…"), tr("Stop"), 0, 0, window_);
    progress_->setWindowTitle(tr("Delete traces"));
    progress_->setWindowModality(Qt::WindowModal);
    progress_->setMinimumDuration(500);
    progress_->setAutoReset(false);
    progress_->setAutoClose(false);
    connect(progress_, &QProgressDialog::canceled, this, &TraceDeletion::cancel);
    QPointer<QProgressDialog> dialog(progress_);
    QtConcurrent::run(&worker_, [store = store_, which, token = cancel_, dialog] {
        return guarded(which, [&](TraceSelection& w) {
            return store->deleteTraces(w, token.get(), [dialog](std::int64_t done, std::int64_t selected) {
                QMetaObject::invokeMethod(dialog, [dialog, done, selected] {
                    if (!dialog)
                        return;
                    dialog->setMaximum(static_cast<int>(std::min<std::int64_t>(selected, INT_MAX)));
                    dialog->setValue(static_cast<int>(std::min<std::int64_t>(done, INT_MAX)));
                    dialog->setLabelText(tr("Deleting traces… %1 of %2").arg(format::grouped(done), format::grouped(selected)));
                }, Qt::QueuedConnection);
            });
        });
    }).then(this, [this](const Outcome& o) {
        if (progress_) {
            progress_->reset();
            progress_->deleteLater();
            progress_ = nullptr;
        }
        cancel_.reset();
        if (!o.error.isEmpty())
            return fail(o.error);
        done(o.result);
    });
}

void TraceDeletion::done(const DeleteResult& result)
{
    busy_ = false;
    QString text = result.cancelled ? tr("Stopped: deleted %1 (%2) before stopping")
                                    : tr("Deleted %1 (%2)");
    text = text.arg(format::traceCount(result.traces), format::cost(result.costUsd));
    if (!result.notFound.empty())
        text += tr("; %1 were already gone").arg(format::traceCount(static_cast<std::int64_t>(result.notFound.size())));
    Q_EMIT status(text);
    Q_EMIT deleted(result.traces, result.costUsd, result.cancelled);
}

void TraceDeletion::fail(const QString& reason)
{
    busy_ = false;
    Q_EMIT status(tr("Could not delete traces: %1").arg(reason));
}

} // namespace ts::ui
