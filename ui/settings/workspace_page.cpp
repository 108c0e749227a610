#include "settings/workspace_page.h"

#include "common/format.h"
#include "model/time.h"
#include "trace/retention.h"
#include "traces/trace_deletion.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <filesystem>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

// The file with its write-ahead log: what the workspace takes on disk.
std::uintmax_t sizeOnDisk(const std::string& path)
{
    std::uintmax_t total = 0;
    for (const std::string& file : {path, path + "-wal"}) {
        std::error_code error;
        const std::uintmax_t size = std::filesystem::file_size(file, error);
        if (!error)
            total += size;
    }
    return total;
}

struct Overview
{
    std::uintmax_t bytes = 0;
    std::int64_t traces = 0;
    std::optional<int> days;
    QString error;
};

QString daysText(int days)
{
    return days == 1 ? u"1 day"_s : format::grouped(days) + u" days"_s;
}

QLabel* wrapped(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

WorkspacePage::WorkspacePage(std::shared_ptr<TraceStore> store, QWidget* parent)
    : QWidget(parent), store_(std::move(store)), deletion_(new TraceDeletion(store_, this)), overview_(wrapped(this)),
      keep_(new QCheckBox(tr("Delete traces older than"), this)), days_(new QSpinBox(this)),
      apply_(new QPushButton(tr("Apply"), this)), note_(wrapped(this)),
      compact_(new QPushButton(tr("Compact Now"), this)), compactNote_(wrapped(this)), countLater_(new QTimer(this))
{
    worker_.setMaxThreadCount(1);
    days_->setRange(1, retention::kMaxDays);
    days_->setValue(30);
    days_->setSuffix(tr(" days"));
    days_->setEnabled(false);
    apply_->setEnabled(false);
    countLater_->setSingleShot(true);
    countLater_->setInterval(250);

    auto* file = new QGroupBox(tr("Workspace file"), this);
    (new QVBoxLayout(file))->addWidget(overview_);

    auto* keep = new QGroupBox(tr("Retention"), this);
    auto* keepRow = new QHBoxLayout;
    keepRow->addWidget(keep_);
    keepRow->addWidget(days_);
    keepRow->addStretch(1);
    keepRow->addWidget(apply_);
    auto* keepLayout = new QVBoxLayout(keep);
    keepLayout->addLayout(keepRow);
    keepLayout->addWidget(note_);
    auto* keepHelp = wrapped(keep);
    keepHelp->setText(tr("Kept in the workspace file: the app and tokenscope-cli serve delete traces as they turn "
                         "older than this, every hour; tokenscope-cli retention sets it too. Deleted traces leave "
                         "their space in the file until it is compacted."));
    keepHelp->setForegroundRole(QPalette::PlaceholderText);
    keepLayout->addWidget(keepHelp);

    auto* care = new QGroupBox(tr("Compaction"), this);
    auto* careRow = new QHBoxLayout;
    auto* careHelp = wrapped(care);
    careHelp->setText(tr("Rewrites the file without the space deleted traces left, and merges the search index. "
                         "Writers (this window, the gateway, other programs) wait while it runs."));
    careRow->addWidget(careHelp, 1);
    careRow->addWidget(compact_, 0, Qt::AlignTop);
    auto* careLayout = new QVBoxLayout(care);
    careLayout->addLayout(careRow);
    careLayout->addWidget(compactNote_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(file);
    layout->addWidget(keep);
    layout->addWidget(care);
    layout->addStretch(1);

    connect(keep_, &QCheckBox::toggled, this, &WorkspacePage::edited);
    connect(days_, &QSpinBox::valueChanged, this, &WorkspacePage::edited);
    connect(countLater_, &QTimer::timeout, this, &WorkspacePage::countOlder);
    connect(apply_, &QPushButton::clicked, this, &WorkspacePage::apply);
    connect(compact_, &QPushButton::clicked, this, &WorkspacePage::compact);
    connect(deletion_, &TraceDeletion::status, this, &WorkspacePage::status);
    connect(deletion_, &TraceDeletion::deleted, this, &WorkspacePage::refresh);
}

WorkspacePage::~WorkspacePage()
{
    worker_.waitForDone();
}

bool WorkspacePage::busy() const
{
    return pending_ > 0 || deletion_->busy();
}

void WorkspacePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
}

void WorkspacePage::refresh()
{
    ++pending_;
    QtConcurrent::run(&worker_, [store = store_] {
        Overview o;
        o.bytes = sizeOnDisk(store->path());
        try {
            o.traces = store->reader()->count({});
            o.days = store->retentionDays();
        } catch (const std::exception& e) {
            o.error = QString::fromStdString(e.what());
        }
        return o;
    }).then(this, [this](const Overview& o) {
        --pending_;
        QString text = QString::fromStdString(store_->path()) + u'\n';
        text += o.error.isEmpty() ? tr("%1 · %2 on disk").arg(format::traceCount(o.traces), format::bytes(o.bytes)) : o.error;
        overview_->setText(text);
        const bool untouched = !apply_->isEnabled();
        saved_ = o.days;
        if (untouched)
            showSaved();
        else
            edited();
        Q_EMIT refreshed();
    });
}

// The editor shows what the file holds.
void WorkspacePage::showSaved()
{
    const QSignalBlocker blockKeep(keep_), blockDays(days_);
    keep_->setChecked(saved_.has_value());
    if (saved_)
        days_->setValue(*saved_);
    edited();
}

void WorkspacePage::edited()
{
    days_->setEnabled(keep_->isChecked());
    const std::optional<int> wanted = keep_->isChecked() ? std::optional<int>(days_->value()) : std::nullopt;
    apply_->setEnabled(wanted != saved_ && !deletion_->busy());
    older_ = -1;
    if (!wanted) {
        note_->setText(saved_ ? tr("Apply to keep traces until they are deleted.") : tr("Traces are kept until they are deleted."));
        return;
    }
    note_->setText(tr("Counting traces older than %1…").arg(daysText(*wanted)));
    countLater_->start();
}

void WorkspacePage::countOlder()
{
    if (!keep_->isChecked())
        return;
    const int days = days_->value();
    ++pending_;
    QtConcurrent::run(&worker_, [store = store_, days] {
        try {
            return std::make_pair(store->previewDelete(retention::olderThan(days, wallNowNs())), QString());
        } catch (const std::exception& e) {
            return std::make_pair(DeleteResult{}, QString::fromStdString(e.what()));
        }
    }).then(this, [this, days](const std::pair<DeleteResult, QString>& answer) {
        --pending_;
        if (!keep_->isChecked() || days_->value() != days)
            return; // edited meanwhile: a newer count is on its way
        if (!answer.second.isEmpty()) {
            note_->setText(answer.second);
            return;
        }
        older_ = answer.first.traces;
        olderCost_ = answer.first.costUsd;
        if (older_ == 0)
            note_->setText(tr("No trace is older than %1.").arg(daysText(days)));
        else
            note_->setText(tr("%1 (%2 of spend) %3 older than %4.")
                               .arg(format::traceCount(older_), format::cost(olderCost_), older_ == 1 ? tr("is") : tr("are"), daysText(days)));
    });
}

void WorkspacePage::apply()
{
    const std::optional<int> wanted = keep_->isChecked() ? std::optional<int>(days_->value()) : std::nullopt;
    if (!wanted || older_ == 0)
        return save(wanted);
    auto* confirm = new QMessageBox(QMessageBox::Warning, tr("Retention"),
                                    tr("Keep traces for %1?").arg(daysText(*wanted)), QMessageBox::Cancel, this);
    confirm->setInformativeText(
        older_ > 0 ? tr("This deletes %1 (%2 of spend) now, with their spans, messages and raw exchanges, and from "
                        "then on every trace as it turns %3 old. It cannot be undone.")
                         .arg(format::traceCount(older_), format::cost(olderCost_), daysText(*wanted))
                   : tr("This deletes every trace older than %1 now, and from then on every trace as it turns %1 "
                        "old. It cannot be undone.")
                         .arg(daysText(*wanted)));
    QPushButton* yes = confirm->addButton(tr("Keep %1").arg(daysText(*wanted)), QMessageBox::DestructiveRole);
    confirm->setDefaultButton(QMessageBox::Cancel);
    confirm->setWindowModality(Qt::WindowModal);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QMessageBox::finished, this, [this, confirm, yes, wanted] {
        if (confirm->clickedButton() == yes)
            save(wanted);
    });
    confirm->open();
}

// Writes the setting, then deletes what it already excludes (with progress and Stop).
void WorkspacePage::save(std::optional<int> days)
{
    apply_->setEnabled(false);
    ++pending_;
    QtConcurrent::run(&worker_, [store = store_, days] {
        try {
            store->setRetentionDays(days);
            return QString();
        } catch (const std::exception& e) {
            return QString::fromStdString(e.what());
        }
    }).then(this, [this, days](const QString& problem) {
        --pending_;
        if (problem.isEmpty()) {
            saved_ = days;
            Q_EMIT status(days ? tr("Traces are kept for %1.").arg(daysText(*days)) : tr("Traces are kept until they are deleted."));
            if (days)
                deletion_->deleteConfirmed(retention::olderThan(*days, wallNowNs()));
        } else {
            note_->setText(tr("Could not change retention: %1").arg(problem));
        }
        edited();
        Q_EMIT applied(problem);
    });
}

void WorkspacePage::compact()
{
    compact_->setEnabled(false);
    compactNote_->setText(tr("Compacting…"));
    ++pending_;
    QtConcurrent::run(&worker_, [store = store_] {
        try {
            return std::make_pair(store->compact(), QString());
        } catch (const std::exception& e) {
            return std::make_pair(CompactResult{}, QString::fromStdString(e.what()));
        }
    }).then(this, [this](const std::pair<CompactResult, QString>& answer) {
        --pending_;
        compact_->setEnabled(true);
        const CompactResult& r = answer.first;
        if (answer.second.isEmpty())
            compactNote_->setText(tr("Compacted: %1 → %2 (%3 given back).")
                                      .arg(format::bytes(r.bytesBefore), format::bytes(r.bytesAfter),
                                           format::bytes(r.bytesBefore > r.bytesAfter ? r.bytesBefore - r.bytesAfter : 0)));
        else
            compactNote_->setText(answer.second);
        refresh();
        Q_EMIT compacted(answer.second);
    });
}

} // namespace ts::ui
