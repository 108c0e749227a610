#include "cost/spend_view.h"

#include "charts/chart_legend.h"
#include "charts/time_series_chart.h"
#include "cost/cost_group_model.h"
#include "cost/cost_series.h"
#include "cost/cost_table.h"
#include "cost/cost_words.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using ts::analytics::Dimension;

namespace ts::ui::costpanel {

namespace {

constexpr Dimension kDimensions[] = {Dimension::Model, Dimension::Provider, Dimension::Route,
                                     Dimension::Tag,   Dimension::User,     Dimension::Source};

} // namespace

SpendView::SpendView(QWidget* parent)
    : QWidget(parent), groupBy_(new QComboBox(this)), chart_(new charts::TimeSeriesChart(this)),
      note_(new QLabel(this)), model_(new CostGroupModel(this)),
      table_(sortedTable(model_, CostGroupModel::kSortRole, this))
{
    for (Dimension d : kDimensions)
        groupBy_->addItem(text::dimensionLabel(d), static_cast<int>(d));
    groupBy_->setAccessibleName(u"Group by"_s);
    chart_->showMessage(u"Reading traces…"_s);
    charts::setLegendAlignment(*chart_, Qt::AlignRight);
    note_->setStyleSheet(u"color: palette(mid);"_s);
    note_->setWordWrap(true);
    note_->hide();
    table_->setAccessibleName(u"Spend by group"_s);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(CostGroupModel::Group, QHeaderView::Stretch);
    table_->horizontalHeader()->setStretchLastSection(false);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(u"Group by"_s, this));
    row->addWidget(groupBy_);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(chart_, 3);
    layout->addWidget(note_);
    layout->addWidget(table_, 2);
    connect(groupBy_, &QComboBox::activated, this, &SpendView::dimensionChanged);
}

Dimension SpendView::dimension() const { return static_cast<Dimension>(groupBy_->currentData().toInt()); }

void SpendView::setDimension(Dimension dimension)
{
    groupBy_->setCurrentIndex(groupBy_->findData(static_cast<int>(dimension)));
    Q_EMIT dimensionChanged();
}

void SpendView::setAnalysis(std::shared_ptr<const CostAnalysis> analysis)
{
    const bool tags = analysis->request.dimension == Dimension::Tag;
    note_->setText(tags ? text::tagNote() : QString());
    note_->setVisible(tags);
    if (analysis->totals.requests == 0)
        chart_->showMessage(u"No requests in this range. Requests from the Playground, the gateway or an "
                            u"import appear here as they are written."_s);
    else
        chart_->setData(spendSeries(*analysis));
    model_->setAnalysis(std::move(analysis));
}

void SpendView::showMessage(const QString& text) { chart_->showMessage(text); }

QString SpendView::note() const { return note_->text(); }

} // namespace ts::ui::costpanel
