// Settings › Workspace: what the file holds, retention (what it would delete is counted and shown
// before anything goes; Cancel deletes nothing; Apply saves the setting in the file and deletes
// the older traces) and compaction.
#include "common/format.h"
#include "settings/workspace_page.h"
#include "message_box_buttons.h"
#include "trace_fixtures.h"
#include "traces/trace_deletion.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

using namespace ts;

namespace {

QMessageBox* openBox(QWidget* parent)
{
    for (QMessageBox* box : parent->findChildren<QMessageBox*>())
        if (box->isVisible())
            return box;
    return nullptr;
}

} // namespace

class TestWorkspacePage : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> dir_;
    std::shared_ptr<TraceStore> store_;
    std::unique_ptr<ui::WorkspacePage> page_;

    // Ten traces 40 days old (each costing what specFor gives it), and five of today.
    void fill()
    {
        const Nanos now = wallNowNs();
        for (int i = 0; i < 15; ++i) {
            uitest::TraceSpec spec = uitest::specFor(i);
            spec.start = now - (i < 10 ? 40 : 0) * 86'400 * kNsPerSec - (i + 1) * kNsPerSec;
            store_->write(uitest::makeTrace(spec));
        }
        QVERIFY(store_->flush());
    }

    void waitIdle() { QTRY_VERIFY(!page_->busy()); }

    // Asks for 30 days once the ten older traces are counted; the confirmation it opens.
    QMessageBox* askToKeep30Days()
    {
        page_->daysBox()->setValue(30);
        page_->retentionBox()->setChecked(true);
        [&] { QTRY_VERIFY(page_->retentionNote()->text().startsWith(QStringLiteral("10 traces"))); }();
        page_->apply();
        return openBox(page_.get());
    }

  private Q_SLOTS:
    void init()
    {
        dir_ = std::make_unique<QTemporaryDir>();
        store_ = uitest::openTempStore(*dir_);
        fill();
        page_ = std::make_unique<ui::WorkspacePage>(store_);
        page_->resize(800, 600);
        page_->show();
        waitIdle();
    }

    void cleanup()
    {
        page_.reset();
        store_.reset();
    }

    void showsTheFileAndWhatItHolds()
    {
        const QString text = page_->overview()->text();
        QVERIFY2(text.startsWith(QString::fromStdString(store_->path())), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("15 traces · ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(" KB on disk")) || text.contains(QStringLiteral(" MB on disk")), qPrintable(text));
        QVERIFY(!page_->retentionBox()->isChecked());
        QVERIFY(!page_->daysBox()->isEnabled());
        QVERIFY(!page_->applyButton()->isEnabled()); // nothing changed yet
    }

    void theOlderTracesAreCountedBeforeAnythingGoes()
    {
        double olderCost = 0;
        for (int i = 0; i < 10; ++i)
            olderCost += uitest::makeTrace(uitest::specFor(i)).summary.costUsd;
        page_->daysBox()->setValue(30);
        page_->retentionBox()->setChecked(true);
        QVERIFY(page_->applyButton()->isEnabled());
        const QString expected = QStringLiteral("10 traces (%1 of spend) are older than 30 days.").arg(ui::format::cost(olderCost));
        QTRY_COMPARE(page_->retentionNote()->text(), expected);
        page_->daysBox()->setValue(60);
        QTRY_COMPARE(page_->retentionNote()->text(), QStringLiteral("No trace is older than 60 days."));
        QCOMPARE(store_->reader()->count({}), std::int64_t{15});
        QCOMPARE(store_->retentionDays(), std::nullopt); // nothing is saved before Apply
    }

    void cancelKeepsEverythingAndSavesNothing()
    {
        QMessageBox* box = askToKeep30Days();
        QVERIFY(box);
        QCOMPARE(box->text(), QStringLiteral("Keep traces for 30 days?"));
        QVERIFY2(box->informativeText().contains(QStringLiteral("deletes 10 traces")), qPrintable(box->informativeText()));
        QVERIFY(static_cast<QAbstractButton*>(box->defaultButton()) == box->button(QMessageBox::Cancel));
        box->button(QMessageBox::Cancel)->click();
        waitIdle();
        QCOMPARE(store_->retentionDays(), std::nullopt);
        QCOMPARE(store_->reader()->count({}), std::int64_t{15});
        QVERIFY(page_->applyButton()->isEnabled()); // the edit is still there to apply
    }

    void applySavesTheSettingAndDeletesTheOlderTraces()
    {
        QSignalSpy applied(page_.get(), &ui::WorkspacePage::applied);
        QSignalSpy deleted(page_->deletion(), &ui::TraceDeletion::deleted);
        QMessageBox* box = askToKeep30Days();
        QVERIFY(box);
        uitest::buttonWithRole(box, QMessageBox::DestructiveRole)->click();
        QTRY_COMPARE(applied.count(), 1);
        QCOMPARE(applied.at(0).at(0).toString(), QString());
        QTRY_COMPARE(deleted.count(), 1);
        QCOMPARE(deleted.at(0).at(0).toLongLong(), qint64{10});
        waitIdle();
        QCOMPARE(store_->retentionDays(), std::optional<int>(30));
        QCOMPARE(store_->reader()->count({}), std::int64_t{5});
        QTRY_VERIFY(page_->overview()->text().contains(QStringLiteral("5 traces · ")));
        QVERIFY(!page_->applyButton()->isEnabled());

        // Turning it off asks nothing and deletes nothing.
        page_->retentionBox()->setChecked(false);
        page_->apply();
        QTRY_COMPARE(applied.count(), 2);
        QCOMPARE(store_->retentionDays(), std::nullopt);
        QCOMPARE(store_->reader()->count({}), std::int64_t{5});
    }

    void aSettingSavedElsewhereIsShown()
    {
        store_->setRetentionDays(90);
        page_->refresh();
        waitIdle();
        QVERIFY(page_->retentionBox()->isChecked());
        QCOMPARE(page_->daysBox()->value(), 90);
        QVERIFY(!page_->applyButton()->isEnabled());
    }

    void compactionSaysWhatItGaveBack()
    {
        store_->deleteTraces(TraceFilter{});
        QSignalSpy compacted(page_.get(), &ui::WorkspacePage::compacted);
        page_->compact();
        QVERIFY(!page_->compactButton()->isEnabled());
        QTRY_COMPARE(compacted.count(), 1);
        QCOMPARE(compacted.at(0).at(0).toString(), QString());
        QVERIFY2(page_->compactNote()->text().startsWith(QStringLiteral("Compacted: ")), qPrintable(page_->compactNote()->text()));
        QVERIFY(page_->compactButton()->isEnabled());
        waitIdle();
        QVERIFY2(page_->overview()->text().contains(QStringLiteral("0 traces · ")), qPrintable(page_->overview()->text()));
    }
};

QTEST_MAIN(TestWorkspacePage)
#include "test_workspace_page.moc"
