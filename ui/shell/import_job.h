#pragma once
#include "model/cancel.h"
#include "trace/import/importer.h"
#include "trace/store.h"

#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <memory>

namespace ts::ui {

// Imports exported logs into the window's workspace on a worker thread (trace/import/importer.h):
// progress arrives on the GUI thread a few times a second, and cancel() stops the import at a
// trace boundary, so every trace written is whole. One import at a time.
class ImportJob : public QObject
{
    Q_OBJECT
public:
    explicit ImportJob(std::shared_ptr<TraceStore> store, QObject* parent = nullptr);
    ~ImportJob() override; // cancels a running import and waits for it

    bool running() const { return cancel_ != nullptr; }
    // False (and nothing happens) while another import runs.
    bool start(const QStringList& files);
    void cancel();

    // One line for the status bar ("Imported 1,204 traces from 2 files; 3 records skipped") and,
    // when something went wrong, the details a user needs: file:line and reason.
    static QString summary(const import::ImportReport& report);
    static QString details(const import::ImportReport& report);

Q_SIGNALS:
    // Bytes read of all the files, and traces written so far.
    void progress(qint64 bytesDone, qint64 bytesTotal, qint64 traces);
    void finished(const ts::import::ImportReport& report);

private:
    std::shared_ptr<TraceStore> store_;
    std::shared_ptr<CancelToken> cancel_;
    QThreadPool worker_;
};

} // namespace ts::ui

Q_DECLARE_METATYPE(ts::import::ImportReport)
