#include "guard/guard_findings_view.h"

#include "charts/time_series_chart.h"
#include "common/format.h"
#include "guard/guard_series.h"
#include "guard/guard_text.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ts::ui::guardpanel {

namespace {

constexpr int kSwatch = 10;
constexpr int kTotalsWidth = 480; // the chart gets the rest

QIcon swatch(const QColor& color)
{
    QPixmap pixmap(kSwatch, kSwatch);
    pixmap.fill(color);
    return QIcon(pixmap);
}

QTableWidget* totalsTable(QWidget* parent)
{
    auto* table = new QTableWidget(parent);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setMinimumSectionSize(64);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    table->setAccessibleName(u"Findings per type and action"_s);
    return table;
}

} // namespace

FindingsView::FindingsView(QWidget* parent)
    : QWidget(parent), stageBox_(new QComboBox(this)), summary_(new QLabel(this)),
      chart_(new charts::TimeSeriesChart(this)), totals_(totalsTable(this))
{
    stageBox_->addItem(text::stageTitle(Stage::Input) + u" (the request on its way in)"_s);
    stageBox_->addItem(text::stageTitle(Stage::Output) + u" (the answer on its way out)"_s);
    stageBox_->setAccessibleName(u"Guard stage"_s);
    summary_->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(u"Stage:"_s, this));
    top->addWidget(stageBox_);
    top->addSpacing(12);
    top->addWidget(summary_, 1);
    auto* body = new QHBoxLayout;
    body->addWidget(chart_, 1);
    body->addWidget(totals_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(top);
    layout->addLayout(body, 1);
    connect(stageBox_, &QComboBox::currentIndexChanged, this, [this] { showStage(); });
    showMessage(u"Reading traces…"_s);
}

void FindingsView::setAnalysis(std::shared_ptr<const GuardAnalysis> analysis)
{
    analysis_ = std::move(analysis);
    showStage();
}

void FindingsView::showMessage(const QString& text)
{
    chart_->showMessage(text);
    totals_->setVisible(false);
}

void FindingsView::setStage(Stage stage)
{
    stageBox_->setCurrentIndex(stage == Stage::Input ? 0 : 1);
}

Stage FindingsView::stage() const
{
    return stageBox_->currentIndex() == 1 ? Stage::Output : Stage::Input;
}

QString FindingsView::summary() const
{
    return summary_->text();
}

void FindingsView::showStage()
{
    if (!analysis_)
        return;
    const StageFindings& figures = analysis_->stage(stage());
    summary_->setText(text::stageSummary(stage(), figures));
    const QString empty = text::emptyFindings(*analysis_, stage());
    if (!empty.isEmpty())
        return showMessage(empty);
    chart_->setData(
        findingsSeries(figures, u"Findings per day by detector — "_s + text::stageTitle(stage())));
    fillTotals(figures);
    totals_->setVisible(true);
}

void FindingsView::fillTotals(const StageFindings& figures)
{
    const auto byAction = figures.byAction();
    QStringList headers{u"Type"_s, u"Findings"_s};
    for (const auto& [action, count] : byAction)
        headers << text::actionTitle(action);
    const QStringList types = typesByCount(figures);
    totals_->clear();
    totals_->setColumnCount(static_cast<int>(headers.size()));
    totals_->setHorizontalHeaderLabels(headers);
    totals_->setRowCount(static_cast<int>(types.size()) + 1);
    for (int row = 0; row < static_cast<int>(types.size()); ++row) {
        const std::string type = types[row].toStdString();
        setCell(row, Type, types[row], false);
        totals_->item(row, Type)->setIcon(swatch(row < kTopTypes ? typeColor(row) : otherColor()));
        setCell(row, Total, format::grouped(figures.totalOf(type)), true);
        const auto& actions = figures.byTypeAction.at(type);
        int column = FirstAction;
        for (const auto& [action, all] : byAction) {
            const auto it = actions.find(action);
            setCell(row, column++, it == actions.end() ? u"–"_s : format::grouped(it->second), true);
        }
    }
    const int last = totals_->rowCount() - 1;
    setCell(last, Type, u"All types"_s, false);
    setCell(last, Total, format::grouped(figures.total()), true);
    int column = FirstAction;
    for (const auto& [action, count] : byAction)
        setCell(last, column++, format::grouped(count), true);
    for (int c = 0; c < totals_->columnCount(); ++c) {
        QFont bold = totals_->font();
        bold.setBold(true);
        totals_->item(last, c)->setFont(bold);
    }
    fitTotals();
}

// As wide as its columns (the chart takes the rest), up to a limit past which it scrolls.
void FindingsView::fitTotals()
{
    totals_->resizeColumnsToContents();
    const int content = totals_->horizontalHeader()->length() + 2 * totals_->frameWidth() +
                        totals_->verticalScrollBar()->sizeHint().width();
    totals_->setFixedWidth(std::min(content, kTotalsWidth));
}

void FindingsView::setCell(int row, int column, const QString& text, bool number)
{
    auto* item = new QTableWidgetItem(text);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    totals_->setItem(row, column, item);
}

} // namespace ts::ui::guardpanel
