// Settings › Models & prices: the table shows the catalog; editing a cell writes an override entry
// that the catalog reads back; other entries survive; Reset to shipped removes the entry; a
// malformed override file is shown in the banner and left untouched.
#include "catalog/catalog.h"
#include "settings/catalog_columns.h"
#include "settings/catalog_editor.h"
#include "settings/catalog_table_model.h"
#include "settings/models_page.h"
#include "settings/settings_panel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace ts;
using namespace ts::ui;
namespace col = ts::ui::catalogcol;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int rowOf(const CatalogTableModel& model, const std::string& id, const std::string& provider)
{
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.modelAt(r)->id == id && model.modelAt(r)->provider == provider)
            return r;
    return -1;
}

Catalog readBack(const QString& path)
{
    const QByteArray text = readAll(path);
    return Catalog::builtin().withOverrides(std::string_view(text.constData(), size_t(text.size())),
                                            path.toStdString());
}

} // namespace

class TestSettingsCatalog : public QObject
{
    Q_OBJECT
  private:
    QTemporaryDir dir_;
    QString path_;

  private Q_SLOTS:
    void init()
    {
        // A folder that does not exist yet: the first edit creates it.
        path_ = dir_.filePath(QStringLiteral("config-%1/tokenscope/catalog-overrides.json")
                                  .arg(QString::fromLatin1(QTest::currentTestFunction())));
        qputenv("TOKENSCOPE_CATALOG_OVERRIDES", path_.toUtf8());
    }

    void tableShowsTheCatalog()
    {
        CatalogEditor editor(path_);
        CatalogTableModel model(&editor);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), int(Catalog::builtin().models().size()));
        QVERIFY(model.rowCount() > 100);
        QCOMPARE(model.columnCount(), int(col::Count));
        const int row = rowOf(model, "gpt-4o-mini", "openai");
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, col::Model).data().toString(), QStringLiteral("gpt-4o-mini"));
        QCOMPARE(model.index(row, col::Context).data().toString(), QStringLiteral("128,000"));
        QCOMPARE(model.index(row, col::Input).data().toString(), QStringLiteral("0.15"));
        QCOMPARE(model.index(row, col::Cached).data().toString(), QStringLiteral("0.075"));
        QCOMPARE(model.index(row, col::Batch).data().toString(), QStringLiteral("50%"));
        QCOMPARE(model.index(row, col::Origin).data().toString(), QStringLiteral("shipped"));
        QVERIFY(!model.index(row, col::Input).data(Qt::FontRole).isValid());
        QVERIFY(model.flags(model.index(row, col::Input)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(row, col::Model)) & Qt::ItemIsEditable));
    }

    void editingACellWritesAnOverride()
    {
        SettingsPanel panel(path_);
        CatalogTableModel& model = *panel.modelsPage()->model();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int row = rowOf(model, "gpt-4o-mini", "openai");
        QVERIFY(model.setData(model.index(row, col::Input), QStringLiteral("0.2")));
        QVERIFY(QFile::exists(path_));
        Catalog back = readBack(path_);
        QVERIFY2(back.issues().empty(), back.issues().empty() ? "" : back.issues()[0].message.c_str());
        QCOMPARE(back.find("gpt-4o-mini", "openai")->prices.input->basePerMTok, 0.2);
        QCOMPARE(back.find("gpt-4o-mini", "openai")->prices.output->basePerMTok,
                 0.6); // the rest stays shipped
        // The table shows it, marked as overridden, with the shipped value in the tooltip.
        QCOMPARE(model.index(row, col::Input).data().toString(), QStringLiteral("0.20"));
        QVERIFY(model.index(row, col::Input).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(model.index(row, col::Input)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Shipped: 0.15")));
        QVERIFY(!model.index(row, col::Output).data(Qt::FontRole).isValid());
        QCOMPARE(model.index(row, col::Origin).data().toString(), QStringLiteral("override"));

        // A second model and a window edit keep the first entry.
        const int other = rowOf(model, "gpt-4o", "openai");
        QVERIFY(model.setData(model.index(other, col::Context), QStringLiteral("64000")));
        QVERIFY(model.setData(model.index(other, col::Batch), QStringLiteral("25%")));
        back = readBack(path_);
        QVERIFY(back.issues().empty());
        QCOMPARE(back.find("gpt-4o", "openai")->contextWindow, 64000);
        QCOMPARE(back.find("gpt-4o", "openai")->prices.batchDiscount, 0.25);
        QCOMPARE(back.find("gpt-4o-mini", "openai")->prices.input->basePerMTok, 0.2);
        const QJsonArray entries =
            QJsonDocument::fromJson(readAll(path_)).object().value(QStringLiteral("models")).toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(1).toObject().value(QStringLiteral("contextWindow")).toInteger(), 64000);

        // What is not a number is refused and nothing is written.
        const QByteArray before = readAll(path_);
        QVERIFY(!model.setData(model.index(row, col::Output), QStringLiteral("cheap")));
        QCOMPARE(readAll(path_), before);

        // The rest of the app sees the override through Catalog::current().
        QTRY_COMPARE(Catalog::current()->find("gpt-4o-mini", "openai")->prices.input->basePerMTok, 0.2);

        // Reset to shipped removes the selected model's entry only.
        auto* view = panel.modelsPage()->view();
        view->selectRow(panel.modelsPage()->proxy()->mapFromSource(model.index(row, 0)).row());
        panel.modelsPage()->resetSelected();
        back = readBack(path_);
        QCOMPARE(back.find("gpt-4o-mini", "openai")->prices.input->basePerMTok, 0.15);
        QCOMPARE(back.find("gpt-4o", "openai")->contextWindow, 64000);
        QCOMPARE(model.index(row, col::Origin).data().toString(), QStringLiteral("shipped"));
    }

    void clearingACellGoesBackToShipped()
    {
        CatalogEditor editor(path_);
        CatalogTableModel model(&editor);
        const int row = rowOf(model, "gpt-4o-mini", "openai");
        QVERIFY(model.setData(model.index(row, col::Output), QStringLiteral("1.5")));
        QVERIFY(model.setData(model.index(row, col::Output), QString()));
        const Catalog back = readBack(path_);
        QCOMPARE(back.find("gpt-4o-mini", "openai")->prices.output->basePerMTok, 0.6);
        QCOMPARE(
            QJsonDocument::fromJson(readAll(path_)).object().value(QStringLiteral("models")).toArray().size(),
            0);
    }

    void tiersSurviveABasePriceEdit()
    {
        CatalogEditor editor(path_);
        CatalogTableModel model(&editor);
        int row = -1;
        for (int r = 0; r < model.rowCount() && row < 0; ++r)
            if (model.modelAt(r)->prices.input && !model.modelAt(r)->prices.input->tiers.empty())
                row = r;
        if (row < 0)
            QSKIP("no tiered price in the shipped catalog");
        const ModelInfo shipped = *model.modelAt(row);
        QVERIFY(model.setData(model.index(row, col::Input), QStringLiteral("9")));
        const Catalog catalog = readBack(path_);
        const ModelInfo* back = catalog.find(shipped.id, shipped.provider);
        QCOMPARE(back->prices.input->basePerMTok, 9.0);
        QCOMPARE(back->prices.input->tiers, shipped.prices.input->tiers);
    }

    void malformedFileIsShownAndLeftAlone()
    {
        QVERIFY(QDir().mkpath(QFileInfo(path_).absolutePath()));
        const QByteArray broken =
            "{\n  \"models\": [\n    {\"id\": \"gpt-4o\", \"contextWindow\": \"big\"}\n  ]\n}\n";
        {
            QFile f(path_);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(broken);
        }
        SettingsPanel panel(path_);
        const QString banner = panel.modelsPage()->bannerText();
        QVERIFY2(banner.contains(path_ + QStringLiteral(":3:")), qPrintable(banner));
        {
            QFile f(path_);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("{ not json");
        }
        panel.catalogEditor()->reload();
        QVERIFY(!panel.modelsPage()->bannerText().isEmpty());
        CatalogTableModel& model = *panel.modelsPage()->model();
        QVERIFY(
            !model.setData(model.index(rowOf(model, "gpt-4o", "openai"), col::Input), QStringLiteral("1")));
        QCOMPARE(readAll(path_), QByteArray("{ not json"));
    }

    void searchFiltersByModelOrProvider()
    {
        SettingsPanel panel(path_);
        ModelsPage* page = panel.modelsPage();
        const int all = page->proxy()->rowCount();
        page->search()->setText(QStringLiteral("ANTHROPIC"));
        QTRY_VERIFY(page->proxy()->rowCount() < all);
        QVERIFY(page->proxy()->rowCount() > 0);
        for (int r = 0; r < page->proxy()->rowCount(); ++r)
            QCOMPARE(page->proxy()->index(r, col::Provider).data().toString(), QStringLiteral("anthropic"));
        page->search()->setText(QStringLiteral("gpt-4o-mini"));
        QTRY_VERIFY(page->proxy()->rowCount() < 10);
        page->search()->clear();
        QTRY_COMPARE(page->proxy()->rowCount(), all);
    }
};

QTEST_MAIN(TestSettingsCatalog)
#include "test_settings_catalog.moc"
