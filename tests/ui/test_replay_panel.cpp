// The Replay panel on a workspace of hand-built calls: it re-prices when shown, its rows agree with
// core's re-pricing of the same calls, the bars follow the table, the form adds an alternative (and
// refuses one it cannot price), removing one re-prices, the alternatives outlive the panel, and the
// shared filter narrows what is priced.
#include "charts/bar_chart.h"
#include "common/format.h"
#include "common/gui_settings.h"
#include "live/live_filter.h"
#include "qtest_std_string.h"
#include "replay/alternatives_editor.h"
#include "replay/recorded_calls.h"
#include "replay/replay_panel.h"
#include "replay/reprice_view.h"
#include "trace_fixtures.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ts;
using namespace ts::ui::replaypanel;

namespace {

constexpr int kWaitMs = 10'000;

Trace call(int index, const char* model, const char* provider, std::int64_t in, std::int64_t out)
{
    uitest::TraceSpec spec;
    spec.index = index;
    spec.start = wallNowNs() - 3600 * kNsPerSec + index * kNsPerSec;
    spec.model = model;
    spec.provider = provider;
    spec.inputTokens = in;
    spec.outputTokens = out;
    return uitest::makeTrace(spec);
}

QString cellText(QTableWidget* t, int row, int column) { return t->item(row, column)->text(); }

} // namespace

class TestReplayPanel : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    std::shared_ptr<TraceStore> store_;

    bool settle(ReplayPanel& panel)
    {
        return QTest::qWaitFor([&] { return panel.settled(); }, kWaitMs);
    }

  private Q_SLOTS:
    void initTestCase()
    {
        ui::guiSettings().remove(u"replay/alternatives"_s);
        store_ = TraceStore::open(QString(dir_.path() + u"/replay.tokenscope"_s).toStdString(),
                                  TraceStore::OpenMode::CreateIfMissing);
        store_->write(call(0, "gpt-4o", "openai", 12'000, 800));
        store_->write(call(1, "gpt-4o", "openai", 3'000, 300));
        store_->write(call(2, "claude-sonnet-4-5", "anthropic", 40'000, 1'500));
        store_->write(call(3, "gpt-4o-mini", "openai", 900, 90));
        QVERIFY(store_->flush());
    }

    void pricesWhenShownAsCoreDoes()
    {
        ui::LiveFilter filter;
        ReplayPanel panel(store_, &filter);
        panel.resize(1280, 760);
        panel.show();
        QVERIFY(settle(panel));
        const auto report = panel.report();
        QVERIFY(report);
        QCOMPARE(report->calls, std::int64_t(4));

        auto reader = store_->reader();
        const auto calls = replay::readCalls(*reader, {});
        const auto expected = replay::reprice(*calls, AlternativesEditor::starters(), *Catalog::current());
        QTableWidget* table = panel.view()->table();
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(cellText(table, 0, RepriceView::Name), u"as recorded"_s);
        QCOMPARE(cellText(table, 0, RepriceView::Cost), ui::format::cost(expected->asRecorded.usd));
        for (int row = 1; row < 4; ++row) {
            const replay::AlternativeCost& a = expected->alternatives[static_cast<std::size_t>(row - 1)];
            QCOMPARE(cellText(table, row, RepriceView::Name), QString::fromStdString(a.name));
            QCOMPARE(cellText(table, row, RepriceView::Cost), ui::format::cost(a.usd));
        }
        QCOMPARE(cellText(table, 2, RepriceView::Change), u"-50.0%"_s); // the batch API halves every price here
        // The bars read as the table does, top down: the last category is the first row.
        const ui::charts::Bars& bars = panel.view()->chart()->data();
        QCOMPARE(bars.categories.size(), 4);
        QCOMPARE(bars.categories.last(), u"as recorded"_s);
        QCOMPARE(bars.series.front().values.last(), expected->asRecorded.usd);
        QCOMPARE(bars.categories.first(), QString::fromStdString(expected->alternatives.back().name));
    }

    void formAddsAndRefuses()
    {
        ui::LiveFilter filter;
        ReplayPanel panel(store_, &filter);
        panel.show();
        QVERIFY(settle(panel));
        AlternativesEditor* editor = panel.editor();
        QSignalSpy problems(editor, &AlternativesEditor::problem);

        editor->modelBox()->setEditText(u"gpt-40-mini"_s); // a typo
        editor->addButton()->click();
        QCOMPARE(problems.count(), 1);
        QVERIFY(problems.takeFirst().at(0).toString().contains(u"No model 'gpt-40-mini'"_s));
        QVERIFY(panel.statusText().contains(u"gpt-40-mini"_s));

        editor->modelBox()->setEditText(u"(as recorded)"_s);
        editor->addButton()->click(); // nothing changes
        QCOMPARE(problems.count(), 1);
        QVERIFY(problems.takeFirst().at(0).toString().startsWith(u"Change something"_s));

        editor->nameEdit()->setText(u"Haiku in batch"_s);
        editor->modelBox()->setEditText(u"claude-haiku-4-5"_s);
        editor->batchBox()->setChecked(true);
        editor->addButton()->click();
        QCOMPARE(problems.count(), 0);
        QCOMPARE(editor->alternatives().size(), std::size_t(4));
        QVERIFY(settle(panel));
        QCOMPARE(panel.view()->table()->rowCount(), 5);
        QCOMPARE(cellText(panel.view()->table(), 4, RepriceView::Name), u"Haiku in batch"_s);
        QCOMPARE(panel.report()->alternatives.back().movedCalls, std::int64_t(4));

        editor->nameEdit()->setText(u"Haiku in batch"_s); // the same name twice
        editor->addButton()->click();
        QCOMPARE(problems.count(), 1);
        QVERIFY(problems.takeFirst().at(0).toString().contains(u"already named"_s));
    }

    void alternativesOutliveThePanelAndRemove()
    {
        {
            AlternativesEditor editor; // what the previous test added was saved
            QCOMPARE(editor.alternatives().size(), std::size_t(4));
            QCOMPARE(editor.alternatives().back().name, std::string("Haiku in batch"));
            QVERIFY(editor.alternatives().back().batch);
        }
        ui::LiveFilter filter;
        ReplayPanel panel(store_, &filter);
        panel.show();
        QVERIFY(settle(panel));
        QTableWidget* list = panel.editor()->table();
        list->selectRow(3);
        QVERIFY(panel.editor()->findChild<QPushButton*>() != nullptr);
        for (QPushButton* b : panel.editor()->findChildren<QPushButton*>())
            if (b->text() == u"Remove"_s)
                b->click();
        QCOMPARE(panel.editor()->alternatives().size(), std::size_t(3));
        QVERIFY(settle(panel));
        QCOMPARE(panel.view()->table()->rowCount(), 4);
        AlternativesEditor again;
        QCOMPARE(again.alternatives().size(), std::size_t(3));
    }

    void sharedFilterNarrows()
    {
        ui::LiveFilter filter;
        ReplayPanel panel(store_, &filter);
        panel.show();
        QVERIFY(settle(panel));
        filter.setText(u"model:gpt-4o"_s);
        QVERIFY(QTest::qWaitFor([&] { return panel.settled() && panel.report()->calls == 2; }, kWaitMs));
        filter.setText(u"model:no-such-model"_s);
        QVERIFY(QTest::qWaitFor([&] { return panel.settled() && panel.report()->calls == 0; }, kWaitMs));
        QCOMPARE(panel.view()->table()->rowCount(), 0);
    }
};

QTEST_MAIN(TestReplayPanel)
#include "test_replay_panel.moc"
