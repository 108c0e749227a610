// Help ▸ About: the version, the libraries this build runs with (read from the libraries), the price
// snapshot and the open workspace, and the same as text for a bug report.
#include "shell/about_dialog.h"
#include "trace/store.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

class TestAboutDialog : public QObject
{
    Q_OBJECT

    static QString versionOf(const ts::ui::AboutDialog& dialog, const QString& component)
    {
        for (int r = 0; r < dialog.components()->rowCount(); ++r)
            if (dialog.components()->item(r, 0)->text() == component)
                return dialog.components()->item(r, 1)->text();
        return {};
    }

  private Q_SLOTS:
    void namesEveryComponentWithItsVersion()
    {
        const ts::ui::AboutDialog dialog(u"/home/ada/work.tokenscope"_s);
        QCOMPARE(versionOf(dialog, u"Tokenscope"_s), QStringLiteral(TOKENSCOPE_VERSION));
        QCOMPARE(versionOf(dialog, u"SQLite"_s), QString::fromLatin1(sqlite3_libversion()));
        QVERIFY(versionOf(dialog, u"Qt"_s).startsWith(QString::fromLatin1(qVersion())));
        for (const QString& library : {u"libcurl"_s, u"Hyperscan"_s, u"PCRE2"_s, u"zlib"_s, u"nlohmann/json"_s})
            QVERIFY2(versionOf(dialog, library).contains(QRegularExpression(u"^\\d+\\.\\d+"_s)), qPrintable(library));
        QVERIFY2(versionOf(dialog, u"Prices"_s).contains(u"genai-prices"_s), qPrintable(versionOf(dialog, u"Prices"_s)));
        QCOMPARE(versionOf(dialog, u"Workspace"_s), u"/home/ada/work.tokenscope"_s);
        QCOMPARE(versionOf(dialog, u"Workspace schema"_s), QString::number(ts::TraceStore::kSchemaVersion));
    }

    void copyPutsTheVersionsOnTheClipboard()
    {
        ts::ui::AboutDialog dialog(u"w.tokenscope"_s);
        QPushButton* copy = nullptr;
        for (QPushButton* b : dialog.findChildren<QPushButton*>())
            if (b->text() == u"Copy"_s)
                copy = b;
        QVERIFY(copy);
        copy->click();
        const QString text = QGuiApplication::clipboard()->text();
        QCOMPARE(text, dialog.text());
        QVERIFY(text.startsWith(u"Tokenscope: "_s + QStringLiteral(TOKENSCOPE_VERSION) + u'\n'));
        QVERIFY(text.contains(u"\nSQLite: "_s + QString::fromLatin1(sqlite3_libversion()) + u'\n'));
    }
};

QTEST_MAIN(TestAboutDialog)
#include "test_about_dialog.moc"
