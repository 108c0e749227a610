#include "shell/workspace_menu.h"

#include "common/gui_settings.h"
#include "trace/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QPointer>
#include <QProcess>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

const QString kFilter = u"Tokenscope workspaces (*.tokenscope);;All files (*)"_s;

} // namespace

WorkspaceMenu::Launcher WorkspaceMenu::newProcess()
{
    return [](const QString& path) {
        return QProcess::startDetached(QCoreApplication::applicationFilePath(), {u"--db"_s, path});
    };
}

WorkspaceMenu::WorkspaceMenu(QMenu* file, QString current, QWidget* window, Launcher launch)
    : QObject(window), current_(QFileInfo(current).absoluteFilePath()), window_(window), launch_(std::move(launch)),
      recent_(new QMenu(tr("Open &Recent"), file))
{
    rememberWorkspace(current_);
    QAction* create = file->addAction(tr("&New Workspace…"), this, &WorkspaceMenu::chooseToCreate);
    create->setStatusTip(tr("Create an empty workspace file and open it in a new window"));
    QAction* open = file->addAction(tr("&Open Workspace…"), this, &WorkspaceMenu::chooseToOpen);
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open another workspace file in a new window"));
    file->addMenu(recent_);
    connect(recent_, &QMenu::aboutToShow, this, &WorkspaceMenu::fillRecent);
    fillRecent();
}

void WorkspaceMenu::fillRecent()
{
    recent_->clear();
    const QStringList paths = recentWorkspaces();
    for (const QString& path : paths) {
        const bool here = path == current_;
        QAction* action = recent_->addAction(QDir::toNativeSeparators(path) + (here ? tr("  (this window)") : QString()),
                                             this, [this, path] { open(path); });
        action->setEnabled(!here);
    }
    recent_->setEnabled(!paths.isEmpty());
}

void WorkspaceMenu::open(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (absolute == current_) {
        Q_EMIT status(tr("%1 is open in this window.").arg(QDir::toNativeSeparators(absolute)));
        return;
    }
    if (!launch_(absolute)) {
        Q_EMIT status(tr("Could not start a window for %1.").arg(QDir::toNativeSeparators(absolute)));
        return;
    }
    rememberWorkspace(absolute);
    Q_EMIT status(tr("Opening %1 in a new window…").arg(QDir::toNativeSeparators(absolute)));
}

// The file is made (an empty workspace) before the window for it starts, on a worker: a refusal
// (a file that is there and is no workspace, a folder without write access) is said here.
void WorkspaceMenu::create(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QtConcurrent::run([absolute] {
        try {
            TraceStore::open(absolute.toStdString(), TraceStore::OpenMode::CreateIfMissing);
            return QString();
        } catch (const std::exception& e) {
            return QString::fromStdString(e.what());
        }
    }).then(this, [this, absolute](const QString& problem) {
        if (problem.isEmpty())
            open(absolute);
        else
            Q_EMIT status(tr("Could not create the workspace: %1").arg(problem));
    });
}

void WorkspaceMenu::chooseToOpen()
{
    auto* dialog = new QFileDialog(window_, tr("Open Workspace"), QFileInfo(current_).absolutePath(), kFilter);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &WorkspaceMenu::open);
    dialog->open();
}

void WorkspaceMenu::chooseToCreate()
{
    auto* dialog = new QFileDialog(window_, tr("New Workspace"), QFileInfo(current_).absolutePath(), kFilter);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"tokenscope"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &WorkspaceMenu::create);
    dialog->open();
}

} // namespace ts::ui
