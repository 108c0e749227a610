#include "shell/import_flow.h"

#include "shell/import_job.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QProgressDialog>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace ts::ui {

ImportFlow::ImportFlow(std::shared_ptr<TraceStore> store, QWidget* window)
    : QObject(window), window_(window), job_(new ImportJob(std::move(store), this))
{
    connect(job_, &ImportJob::progress, this, [this](qint64 done, qint64 total, qint64 traces) {
        if (!progress_)
            return;
        // Bytes in KiB so that files past 2 GB fit the dialog's int range.
        progress_->setMaximum(static_cast<int>(std::max<qint64>(total / 1024, 1)));
        progress_->setValue(static_cast<int>(done / 1024));
        progress_->setLabelText(tr("Importing… %1 traces so far").arg(traces));
    });
    connect(job_, &ImportJob::finished, this, [this](const import::ImportReport& report) {
        if (progress_) {
            progress_->reset();
            progress_->deleteLater();
            progress_ = nullptr;
        }
        const QString summary = ImportJob::summary(report), details = ImportJob::details(report);
        Q_EMIT status(summary);
        Q_EMIT imported(summary, details);
    });
}

ImportFlow::~ImportFlow() = default;

void ImportFlow::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        window_, tr("Import trace logs"), QString(),
        tr("Trace logs (*.json *.jsonl *.ndjson *.txt);;All files (*)"));
    importFiles(files);
}

bool ImportFlow::importFiles(const QStringList& files)
{
    if (files.isEmpty())
        return false;
    if (!job_->start(files)) {
        Q_EMIT status(tr("An import is already running; wait for it or cancel it first."));
        return false;
    }
    progress_ = new QProgressDialog(tr("Importing…"), tr("Cancel"), 0, 0, window_);
    progress_->setWindowTitle(tr("Import trace logs"));
    progress_->setWindowModality(Qt::WindowModal);
    progress_->setMinimumDuration(500); // a quick import never shows it
    progress_->setAutoReset(false);
    progress_->setAutoClose(false);
    connect(progress_, &QProgressDialog::canceled, job_, &ImportJob::cancel);
    Q_EMIT status(tr("Importing %n file(s)…", nullptr, static_cast<int>(files.size())));
    return true;
}

QStringList ImportFlow::localFiles(const QMimeData* mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            files << url.toLocalFile();
    return files;
}

} // namespace ts::ui
