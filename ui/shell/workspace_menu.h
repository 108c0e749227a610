#pragma once
#include <QObject>
#include <QString>

#include <functional>

class QMenu;
class QWidget;

namespace ts::ui {

// File ▸ New Workspace…, Open Workspace… and Open Recent. One window holds one workspace, so another
// workspace opens in a window of its own: a new tokenscope process given --db (the launcher).
// The window's own workspace goes to the top of the recent list when the menu is made.
class WorkspaceMenu : public QObject
{
    Q_OBJECT
public:
    // Starts a window on the workspace; false when it could not be started.
    using Launcher = std::function<bool(const QString& path)>;
    static Launcher newProcess(); // tokenscope --db PATH, detached

    WorkspaceMenu(QMenu* file, QString current, QWidget* window, Launcher launch = newProcess());

    // What the actions do once the user picked a file.
    void open(const QString& path);
    void create(const QString& path);
    QMenu* recentMenu() const { return recent_; }

Q_SIGNALS:
    void status(const QString& text);

private:
    void fillRecent();
    void chooseToOpen();
    void chooseToCreate();

    QString current_;
    QWidget* window_;
    Launcher launch_;
    QMenu* recent_;
};

} // namespace ts::ui
