// The command palette: every panel and menu command of the window, narrowed by typing, run by Enter.
#include "gateway/pipeline.h"
#include "providers/provider_profile.h"
#include "shell/about_dialog.h"
#include "shell/command_palette.h"
#include "shell/main_window.h"
#include "trace/store.h"

#include <QLineEdit>
#include <QListWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace ts;

class TestCommandPalette : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;

    std::unique_ptr<ui::MainWindow> window()
    {
        qputenv("TOKENSCOPE_SETTINGS", dir_.filePath(u"gui.ini"_s).toLocal8Bit());
        ui::AppContext context;
        context.workspacePath = dir_.filePath(u"palette.tokenscope"_s);
        context.store = TraceStore::open(context.workspacePath.toStdString(), TraceStore::OpenMode::CreateIfMissing);
        context.pipeline = std::make_shared<Pipeline>(makeProviders(ProviderProfiles{}, environmentKeys()), [](Trace) {});
        auto w = std::make_unique<ui::MainWindow>(context);
        w->show();
        w->activateWindow(); // shortcuts reach the active window only
        [&] { QVERIFY(QTest::qWaitForWindowActive(w.get())); }();
        return w;
    }

  private Q_SLOTS:
    void narrowsByEveryWordAndRanksStartsFirst()
    {
        ui::CommandPalette palette;
        int ran = 0;
        palette.popup({{u"Go to Cost"_s, u"Ctrl+8"_s, [&] { ran = 1; }},
                       {u"Import trace logs…"_s, u"Ctrl+I"_s, [&] { ran = 2; }},
                       {u"Open Recent: /home/ada/cost-study.tokenscope"_s, {}, [&] { ran = 3; }},
                       {u"Go to Traces"_s, u"Ctrl+2"_s, [&] { ran = 4; }}});
        QCOMPARE(palette.shown().size(), 4);
        QTest::keyClicks(palette.query(), u"cost"_s);
        QCOMPARE(palette.shown(), (QStringList{u"Go to Cost"_s, u"Open Recent: /home/ada/cost-study.tokenscope"_s}));
        palette.query()->setText(u"go tr"_s); // every word, in any place
        QCOMPARE(palette.shown(), QStringList{u"Go to Traces"_s});
        palette.query()->setText(u"imp"_s);
        QCOMPARE(palette.list()->item(0)->text(), u"Import trace logs…    Ctrl+I"_s);
        palette.query()->setText(u"nothing like it"_s);
        QVERIFY(palette.shown().isEmpty());
        QTest::keyClick(palette.query(), Qt::Key_Return); // nothing to run
        QCOMPARE(ran, 0);

        palette.query()->setText(u"go"_s);
        QTest::keyClick(palette.query(), Qt::Key_Down); // the arrows move while typing goes on
        QTest::keyClick(palette.query(), Qt::Key_Return);
        QCOMPARE(ran, 4);
        QVERIFY(!palette.isVisible());
    }

    void reachesEveryPanelAndTheMenus()
    {
        auto w = window();
        QTest::keySequence(w.get(), QKeySequence(u"Ctrl+Shift+P"_s));
        QTRY_VERIFY(w->commandPalette() && w->commandPalette()->isVisible());
        ui::CommandPalette* palette = w->commandPalette();
        const QStringList all = palette->shown();
        for (const QString& panel : {u"Playground"_s, u"Traces"_s, u"Cost"_s, u"Settings"_s})
            QVERIFY2(all.contains(u"Go to "_s + panel), qPrintable(all.join(u", "_s)));
        for (const QString& command : {u"Import trace logs…"_s, u"Open Workspace…"_s, u"About Tokenscope"_s, u"Quit"_s})
            QVERIFY2(all.contains(command), qPrintable(command));

        QTest::keyClicks(palette->query(), u"go cost"_s);
        QTest::keyClick(palette->query(), Qt::Key_Return);
        QCOMPARE(w->currentPanel(), u"cost"_s);

        w->showCommandPalette();
        QTest::keyClicks(w->commandPalette()->query(), u"about"_s);
        QTest::keyClick(w->commandPalette()->query(), Qt::Key_Return);
        QTRY_VERIFY(w->findChild<ui::AboutDialog*>() && w->findChild<ui::AboutDialog*>()->isVisible());
    }
};

QTEST_MAIN(TestCommandPalette)
#include "test_command_palette.moc"
