// File ▸ New / Open / Open Recent: workspaces open in a window of their own (the launcher), the
// recent list keeps the latest first, drops files that are gone, and never relaunches this window's.
#include "common/gui_settings.h"
#include "shell/workspace_menu.h"
#include "trace/store.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ts;

class TestWorkspaceMenu : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    QStringList launched_;

    QString workspace(const QString& name)
    {
        const QString path = dir_.filePath(name);
        TraceStore::open(path.toStdString(), TraceStore::OpenMode::CreateIfMissing);
        return path;
    }

    ui::WorkspaceMenu* menuOn(QMenu& file, QWidget& window, const QString& current)
    {
        return new ui::WorkspaceMenu(&file, current, &window, [this](const QString& path) {
            launched_.append(path);
            return true;
        });
    }

    static QStringList entries(QMenu* menu)
    {
        QStringList out;
        for (QAction* a : menu->actions())
            out.append(a->text());
        return out;
    }

  private Q_SLOTS:
    void init()
    {
        qputenv("TOKENSCOPE_SETTINGS", dir_.filePath(u"gui.ini"_s).toLocal8Bit());
        ui::guiSettings().clear();
        launched_.clear();
    }

    void theRecentListKeepsTheLatestFirstAndDropsWhatIsGone()
    {
        const QString a = workspace(u"a.tokenscope"_s), b = workspace(u"b.tokenscope"_s), c = workspace(u"c.tokenscope"_s);
        ui::rememberWorkspace(a);
        ui::rememberWorkspace(b);
        ui::rememberWorkspace(c);
        ui::rememberWorkspace(a);
        QCOMPARE(ui::recentWorkspaces(), (QStringList{a, c, b}));
        QVERIFY(QFile::remove(c));
        QCOMPARE(ui::recentWorkspaces(), (QStringList{a, b}));
        for (int i = 0; i < 12; ++i)
            ui::rememberWorkspace(workspace(u"w%1.tokenscope"_s.arg(i)));
        QCOMPARE(ui::recentWorkspaces().size(), ui::kMaxRecentWorkspaces);
        QCOMPARE(ui::recentWorkspaces().first(), dir_.filePath(u"w11.tokenscope"_s));
    }

    void openRecentStartsAWindowOnTheOtherWorkspace()
    {
        const QString other = workspace(u"other.tokenscope"_s), mine = workspace(u"mine.tokenscope"_s);
        ui::rememberWorkspace(other);
        QWidget window;
        QMenu file;
        ui::WorkspaceMenu* menu = menuOn(file, window, mine);
        QVERIFY(entries(&file).contains(u"&Open Workspace…"_s));
        QCOMPARE(ui::recentWorkspaces().first(), mine); // this window's goes on top
        const QList<QAction*> recent = menu->recentMenu()->actions();
        QCOMPARE(recent.size(), 2);
        QVERIFY(recent[0]->text().endsWith(u"(this window)"_s));
        QVERIFY(!recent[0]->isEnabled());
        QCOMPARE(recent[1]->text(), other);
        QSignalSpy status(menu, &ui::WorkspaceMenu::status);
        recent[1]->trigger();
        QCOMPARE(launched_, QStringList{other});
        QVERIFY(status.last().at(0).toString().startsWith(u"Opening "_s));
        QCOMPARE(ui::recentWorkspaces().first(), other);
        menu->open(mine); // this window's own: nothing starts
        QCOMPARE(launched_.size(), 1);
    }

    void newMakesTheFileThenOpensIt()
    {
        QWidget window;
        QMenu file;
        ui::WorkspaceMenu* menu = menuOn(file, window, workspace(u"here.tokenscope"_s));
        const QString fresh = dir_.filePath(u"sub/fresh.tokenscope"_s);
        menu->create(fresh);
        QTRY_COMPARE(launched_, QStringList{fresh});
        auto store = TraceStore::open(fresh.toStdString(), TraceStore::OpenMode::ExistingOnly);
        QCOMPARE(store->reader()->count({}), std::int64_t{0});

        QFile junk(dir_.filePath(u"notes.txt"_s)); // a file that is no workspace is refused, and kept
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("my notes\n");
        junk.close();
        QSignalSpy status(menu, &ui::WorkspaceMenu::status);
        menu->create(junk.fileName());
        QTRY_COMPARE(status.size(), 1);
        QVERIFY2(status.at(0).at(0).toString().startsWith(u"Could not create the workspace: "_s), qPrintable(status.at(0).at(0).toString()));
        QCOMPARE(launched_.size(), 1);
        QVERIFY(junk.open(QIODevice::ReadOnly));
        QCOMPARE(junk.readAll(), QByteArray("my notes\n"));
    }
};

QTEST_MAIN(TestWorkspaceMenu)
#include "test_workspace_menu.moc"
