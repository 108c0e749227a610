#include "shell/import_job.h"

#include "common/format.h"

#include <QPointer>
#include <QtConcurrent>

#include <chrono>

using namespace Qt::StringLiterals;

namespace ts::ui {

ImportJob::ImportJob(std::shared_ptr<TraceStore> store, QObject* parent) : QObject(parent), store_(std::move(store))
{
    worker_.setMaxThreadCount(1);
}

ImportJob::~ImportJob()
{
    cancel();
    worker_.waitForDone();
}

bool ImportJob::start(const QStringList& files)
{
    if (running() || files.isEmpty())
        return false;
    cancel_ = std::make_shared<CancelToken>();
    std::vector<std::string> paths;
    for (const QString& f : files)
        paths.push_back(f.toStdString());
    QPointer<ImportJob> self(this);
    QtConcurrent::run(&worker_, [self, store = store_, token = cancel_, paths = std::move(paths)] {
        import::ImportOptions options;
        options.cancel = token.get();
        auto last = std::chrono::steady_clock::now();
        options.progress = [&](const import::ImportProgress& p) {
            const auto now = std::chrono::steady_clock::now();
            if (now - last < std::chrono::milliseconds(100))
                return;
            last = now;
            QMetaObject::invokeMethod(self, [self, p] {
                if (self)
                    Q_EMIT self->progress(static_cast<qint64>(p.bytesDone), static_cast<qint64>(p.bytesTotal), p.traces);
            }, Qt::QueuedConnection);
        };
        import::ImportReport report = import::importFiles(*store, paths, options);
        store->flush(); // written traces are committed before the window says so
        return report;
    }).then(this, [this](const import::ImportReport& report) {
        cancel_.reset();
        Q_EMIT finished(report);
    });
    return true;
}

void ImportJob::cancel()
{
    if (cancel_)
        cancel_->cancel();
}

QString ImportJob::summary(const import::ImportReport& report)
{
    std::int64_t traces = 0, unchanged = 0, skipped = 0;
    int failedFiles = 0;
    for (const import::FileReport& f : report.files) {
        traces += f.traces;
        unchanged += f.unchanged;
        skipped += f.skipped;
        failedFiles += f.error.empty() ? 0 : 1;
    }
    const auto number = [](std::int64_t n) { return format::grouped(n); };
    const auto files = [](std::int64_t n) { return n == 1 ? u"1 file"_s : format::grouped(n) + u" files"_s; };
    const std::int64_t count = static_cast<std::int64_t>(report.files.size());
    QString text = (report.cancelled ? tr("Import cancelled: %1 traces written from %2")
                                     : tr("Imported %1 traces from %2"))
                       .arg(number(traces), files(count));
    if (unchanged)
        text += tr("; %1 already in the workspace").arg(number(unchanged));
    if (skipped)
        text += tr("; %1 records skipped").arg(number(skipped));
    if (failedFiles)
        text += tr("; %1 not imported").arg(files(failedFiles));
    if (!report.error.empty())
        text += u"; "_s + QString::fromStdString(report.error);
    return text;
}

QString ImportJob::details(const import::ImportReport& report)
{
    QStringList lines;
    for (const import::FileReport& f : report.files) {
        const QString name = QString::fromStdString(f.file);
        if (!f.error.empty())
            lines << name + u": "_s + QString::fromStdString(f.error);
        for (const std::string& p : f.problems)
            lines << QString::fromStdString(p);
        if (f.skipped > static_cast<std::int64_t>(f.problems.size()))
            lines << tr("%1: %2 more records skipped").arg(name).arg(f.skipped - static_cast<std::int64_t>(f.problems.size()));
        if (!f.stoppedAt.empty())
            lines << name + u": "_s + QString::fromStdString(f.stoppedAt);
        for (const std::string& n : f.notes)
            lines << name + u": "_s + QString::fromStdString(n);
    }
    return lines.join(u'\n');
}

} // namespace ts::ui
