#include "cost/budget_view.h"

#include "charts/burn_down_chart.h"
#include "common/gui_settings.h"
#include "cost/cost_series.h"
#include "cost/cost_words.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui::costpanel {

namespace {

const QString kLimitKey = u"cost/monthlyBudgetUsd"_s;
const QString kChoiceKey = u"cost/budget"_s; // BudgetChoice::id(); "" for the typed monthly budget


BudgetChoice choiceOf(const Budget& b)
{
    return {b.scope.kind, b.scope.name,
            b.period == BudgetPeriod::Day ? analytics::BudgetWindow::Day : analytics::BudgetWindow::Month,
            b.limitUsd};
}

QString itemText(const BudgetChoice& c)
{
    if (c.global())
        return u"Monthly budget, all traffic"_s;
    return text::budgetTitle(c) + (c.countable() ? QString() : u" (not in the rollups)"_s);
}

} // namespace

BudgetView::BudgetView(QWidget* parent)
    : QWidget(parent), chooser_(new QComboBox(this)), limit_(new QDoubleSpinBox(this)), note_(new QLabel(this)),
      chart_(new charts::BurnDownChart(this)), sentence_(new QLabel(this))
{
    chooser_->setAccessibleName(u"Budget"_s);
    chooser_->setToolTip(u"The gateway config's budgets count the gateway's own traffic (source:gateway), as the "
                         u"gateway does; the monthly budget you type counts all traffic. Neither follows the "
                         u"filter above."_s);
    chooser_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    limit_->setPrefix(u"$"_s);
    limit_->setRange(0, 1e9);
    limit_->setDecimals(0);
    limit_->setSingleStep(100);
    limit_->setSpecialValueText(u"none"_s);
    limit_->setKeyboardTracking(false);
    limit_->setAccessibleName(u"Monthly budget (USD)"_s);
    limit_->setValue(guiSettings().value(kLimitKey, 0.0).toDouble());
    note_->setStyleSheet(u"color: palette(mid);"_s);
    note_->setWordWrap(true);
    note_->hide();
    sentence_->setWordWrap(true);
    sentence_->setAccessibleName(u"Where the budget heads"_s);
    chart_->showMessage(u"Reading traces…"_s);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(u"Budget"_s, this));
    row->addWidget(chooser_);
    row->addWidget(limit_);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(note_);
    layout->addWidget(chart_, 1);
    layout->addWidget(sentence_);
    setBudgets({}, {});
    connect(chooser_, &QComboBox::activated, this, &BudgetView::onChosen);
    connect(limit_, &QDoubleSpinBox::valueChanged, this, &BudgetView::onLimitEdited);
}

void BudgetView::setBudgets(const std::vector<Budget>& budgets, const QString& problem)
{
    std::vector<BudgetChoice> choices{BudgetChoice{}};
    for (const Budget& b : budgets)
        choices.push_back(choiceOf(b));
    note_->setText(problem.isEmpty() ? QString() : u"The gateway config's budgets are not listed: "_s + problem);
    note_->setVisible(!problem.isEmpty());
    if (choices == choices_)
        return;
    choices_ = std::move(choices);
    const QString saved = guiSettings().value(kChoiceKey).toString();
    QSignalBlocker quiet(chooser_);
    chooser_->clear();
    for (const BudgetChoice& c : choices_)
        chooser_->addItem(itemText(c), QString::fromStdString(c.id()));
    chooser_->setCurrentIndex(std::max(0, chooser_->findData(saved)));
    limit_->setVisible(chooser_->currentIndex() == 0);
}

BudgetChoice BudgetView::choice() const
{
    BudgetChoice c = choices_.at(static_cast<std::size_t>(std::max(0, chooser_->currentIndex())));
    if (c.global())
        c.limitUsd = limit_->value();
    return c;
}

void BudgetView::onChosen()
{
    limit_->setVisible(chooser_->currentIndex() == 0);
    guiSettings().setValue(kChoiceKey, chooser_->currentData().toString());
    Q_EMIT choiceChanged();
}

void BudgetView::onLimitEdited()
{
    guiSettings().setValue(kLimitKey, limit_->value());
    if (chooser_->currentIndex() == 0)
        Q_EMIT choiceChanged();
}

void BudgetView::setStanding(const BudgetStanding& standing)
{
    sentence_->setText(standing.burn ? text::burnSentence(standing) : QString()); // the chart says why not
    const bool over = standing.burn && limitPassedAt(*standing.burn).has_value();
    const bool under = standing.burn && standing.burn->limitUsd > 0 && !over;
    sentence_->setStyleSheet(u"font-size: 13px; font-weight: 600; color: "_s +
                             (over ? u"#c0392b;"_s : under ? u"#2e7d32;"_s : u"palette(text);"_s));
    if (standing.burn)
        chart_->setData(burnDown(standing));
    else
        chart_->showMessage(text::uncountable(standing.budget));
}

void BudgetView::showMessage(const QString& text)
{
    chart_->showMessage(text);
    sentence_->clear();
}

QString BudgetView::sentence() const { return sentence_->text(); }

} // namespace ts::ui::costpanel
