// Deleting traces from the Traces panel: the user sees the count and the cost before anything
// goes, "Cancel" deletes nothing, the selected rows or the filter's matches go, and the table and
// its count follow the store.
#include "message_box_buttons.h"
#include "trace_fixtures.h"
#include "traces/filter_bar.h"
#include "traces/trace_deletion.h"
#include "traces/trace_table_model.h"
#include "traces/traces_panel.h"

#include <QAbstractButton>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace ts;

using uitest::buttonWithRole;

class TestTraceDeletion : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> dir_;
    std::shared_ptr<TraceStore> store_;
    std::unique_ptr<ui::TracesPanel> panel_;

    std::int64_t stored() { return store_->reader()->count({}); }

    void selectRows(std::initializer_list<int> rows)
    {
        QItemSelectionModel* selection = panel_->table()->selectionModel();
        selection->clearSelection();
        for (int row : rows)
            selection->select(panel_->model()->index(row, 0),
                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }

  private Q_SLOTS:
    void init()
    {
        dir_ = std::make_unique<QTemporaryDir>();
        store_ = uitest::openTempStore(*dir_);
        uitest::fillStore(*store_, 30);
        panel_ = std::make_unique<ui::TracesPanel>(store_);
        panel_->resize(1200, 700);
        panel_->show();
        QTRY_VERIFY(panel_->model()->isComplete());
        QCOMPARE(panel_->model()->rowCount(), 30);
    }

    void cleanup()
    {
        panel_.reset();
        store_.reset();
    }

    void theSelectedRowsGoAfterTheUserSeesWhatGoes()
    {
        QSignalSpy status(panel_.get(), &ui::TracesPanel::status);
        selectRows({0, 2, 5});
        const QString first = panel_->model()->index(0, 0).data(ui::TraceTableModel::TraceIdRole).toString();
        panel_->deleteSelected();
        QTRY_VERIFY(panel_->deletion()->confirmation());
        QMessageBox* box = panel_->deletion()->confirmation();
        QVERIFY2(box->text().startsWith(QStringLiteral("Delete 3 traces, $")), qPrintable(box->text()));
        QVERIFY(box->informativeText().contains(QStringLiteral("cannot be undone")));
        QVERIFY(static_cast<QAbstractButton*>(box->defaultButton()) == box->button(QMessageBox::Cancel)); // Enter does not delete
        QAbstractButton* yes = buttonWithRole(box, QMessageBox::DestructiveRole);
        QVERIFY(yes);
        QCOMPARE(yes->text(), QStringLiteral("Delete 3 traces"));
        yes->click();

        QTRY_VERIFY(!panel_->deletion()->busy());
        QVERIFY2(status.last().at(0).toString().startsWith(QStringLiteral("Deleted 3 traces ($")),
                 qPrintable(status.last().at(0).toString()));
        QCOMPARE(stored(), std::int64_t(27));
        QVERIFY(!store_->reader()->load(first.toStdString()));
        QTRY_COMPARE(panel_->model()->rowCount(), 27); // the table follows the store
    }

    void cancelDeletesNothing()
    {
        QSignalSpy status(panel_.get(), &ui::TracesPanel::status);
        selectRows({1});
        panel_->deleteSelected();
        QTRY_VERIFY(panel_->deletion()->confirmation());
        QCOMPARE(panel_->deletion()->confirmation()->text().left(16), QStringLiteral("Delete 1 trace, "));
        panel_->deletion()->confirmation()->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!panel_->deletion()->busy());
        QCOMPARE(status.last().at(0).toString(), QStringLiteral("Nothing was deleted."));
        QCOMPARE(stored(), std::int64_t(30));
    }

    void everyTraceMatchingTheFilterGoes()
    {
        // Every 7th trace, from the 4th, is an error: 3, 10, 17, 24.
        panel_->setFilterText(QStringLiteral("status:error"));
        QTRY_COMPARE(panel_->model()->rowCount(), 4);
        panel_->deleteMatching();
        QTRY_VERIFY(panel_->deletion()->confirmation());
        QMessageBox* box = panel_->deletion()->confirmation();
        QVERIFY(box->text().startsWith(QStringLiteral("Delete 4 traces, ")));
        QVERIFY(box->informativeText().contains(QStringLiteral("every trace matching “status:error”")));
        buttonWithRole(box, QMessageBox::DestructiveRole)->click();
        QTRY_VERIFY(!panel_->deletion()->busy());
        QCOMPARE(stored(), std::int64_t(26));
        QCOMPARE(store_->reader()->count(parseFilter("status:error").filter), std::int64_t(0));
        QTRY_COMPARE(panel_->model()->rowCount(), 0);
    }

    void nothingSelectedAsksNothing()
    {
        panel_->table()->selectionModel()->clearSelection();
        panel_->deleteSelected();
        QVERIFY(!panel_->deletion()->busy());
        QVERIFY(!panel_->deletion()->confirmation());
    }
};

QTEST_MAIN(TestTraceDeletion)
#include "test_trace_deletion.moc"
