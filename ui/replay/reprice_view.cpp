#include "replay/reprice_view.h"

#include "charts/bar_chart.h"
#include "common/format.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui::replaypanel {

namespace {

QString change(double value, double against)
{
    if (against <= 0)
        return value > 0 ? u"new"_s : u"–"_s;
    return QString::asprintf("%+.1f%%", 100 * (value - against) / against);
}

QTableWidgetItem* cell(const QString& text, bool number)
{
    auto* item = new QTableWidgetItem(text);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void fillRow(QTableWidget* table, int row, const replay::AlternativeCost& a, double against, bool first)
{
    table->setItem(row, RepriceView::Name, cell(QString::fromStdString(a.name), false));
    table->setItem(row, RepriceView::Calls, cell(format::grouped(a.calls - a.unpricedCalls), true));
    table->setItem(row, RepriceView::Cost, cell(format::cost(a.usd), true));
    QTableWidgetItem* delta = cell(first ? QString() : change(a.usd, against), true);
    if (!first && a.usd != against)
        delta->setForeground(a.usd < against ? QColor(u"#1e8449"_s) : QColor(u"#c0392b"_s));
    table->setItem(row, RepriceView::Change, delta);
    table->setItem(row, RepriceView::CachedInput, cell(format::tokens(a.cacheReadTokens), true));
    QStringList tip;
    for (const replay::ModelCost& m : a.byModel)
        tip << u"%1: %2 calls, %3"_s.arg(QString::fromStdString(m.model), format::grouped(m.calls),
                                          m.priced ? format::cost(m.usd) : u"no price"_s);
    for (int c = 0; c < RepriceView::ColumnCount; ++c)
        table->item(row, c)->setToolTip(tip.join(u'\n'));
}

} // namespace

charts::Bars costBars(const replay::RepriceReport& report)
{
    charts::Bars data;
    data.title = u"What the traffic would have cost"_s;
    data.value = {u"USD"_s, u"$%.2f"_s, 0};
    data.horizontal = true;
    charts::DaySeries s{u"Cost"_s, QColor(u"#2980b9"_s), {}};
    // Horizontal bars run bottom to top: the last alternative first, so the list reads as the table.
    for (auto a = report.alternatives.rbegin(); a != report.alternatives.rend(); ++a) {
        data.categories << QString::fromStdString(a->name);
        s.values << a->usd;
    }
    data.categories << QString::fromStdString(report.asRecorded.name);
    s.values << report.asRecorded.usd;
    data.series << s;
    return data;
}

RepriceView::RepriceView(QWidget* parent)
    : QWidget(parent), summary_(new QLabel(this)), table_(new QTableWidget(0, ColumnCount, this)),
      chart_(new charts::BarChart(this)), notes_(new QLabel(this))
{
    table_->setHorizontalHeaderLabels({tr("Alternative"), tr("Calls priced"), tr("Cost"), tr("Change"), tr("Cached input")});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setAccessibleName(tr("Re-pricing results"));
    summary_->setWordWrap(true);
    notes_->setWordWrap(true);
    notes_->setStyleSheet(u"color: palette(mid);"_s);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(table_);
    split->addWidget(chart_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setSizes({220, 440});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(summary_);
    layout->addWidget(split, 1);
    layout->addWidget(notes_);
}

void RepriceView::setReport(const replay::RepriceReport& r)
{
    QString text = tr("%1 model calls in %2 traces, priced by %3. Nothing was sent.")
                       .arg(format::grouped(r.calls), format::grouped(r.traces), QString::fromStdString(r.priceSource));
    if (r.recordedCalls > 0)
        text += u" "_s + tr("Recorded at the time: %1 for %2 calls.").arg(format::cost(r.recordedUsd), format::grouped(r.recordedCalls));
    summary_->setText(text);
    table_->setRowCount(static_cast<int>(r.alternatives.size()) + 1);
    fillRow(table_, 0, r.asRecorded, r.asRecorded.usd, true);
    for (std::size_t i = 0; i < r.alternatives.size(); ++i)
        fillRow(table_, static_cast<int>(i) + 1, r.alternatives[i], r.asRecorded.usd, false);
    chart_->setData(costBars(r));
    QStringList notes;
    for (const replay::AlternativeCost* a : [&] {
             std::vector<const replay::AlternativeCost*> all{&r.asRecorded};
             for (const auto& x : r.alternatives)
                 all.push_back(&x);
             return all;
         }())
        for (const std::string& n : a->notes)
            notes << QString::fromStdString(a->name) + u": "_s + QString::fromStdString(n);
    notes.removeDuplicates();
    notes_->setText(notes.join(u'\n'));
}

void RepriceView::clear(const QString& why)
{
    summary_->setText(why);
    table_->setRowCount(0);
    chart_->setData({});
    notes_->clear();
}

} // namespace ts::ui::replaypanel
