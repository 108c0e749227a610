#include "cache/provider_caching_view.h"

#include "cache/cache_text.h"
#include "common/format.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui::cachepanel {

namespace {

QTableWidget* makeTable(const QStringList& headers, int stretchColumn, QWidget* parent)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    return table;
}

// Text columns read left to right, figures line up on the right.
void setRow(QTableWidget* table, int row, const QStringList& cells, int textColumns, const QString& tip = {})
{
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells[c]);
        if (c >= textColumns)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (!tip.isEmpty())
            item->setToolTip(tip);
        table->setItem(row, c, item);
    }
}

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setStyleSheet(u"font-weight: 600;"_s);
    return label;
}

} // namespace

ProviderCachingView::ProviderCachingView(QWidget* parent)
    : QWidget(parent), summary_(new QLabel(this)),
      models_(makeTable({u"Provider"_s, u"Model"_s, u"Calls"_s, u"Cached tokens"_s, u"Share of input"_s, u"Discount"_s}, 1, this)),
      prefixes_(makeTable({u"Prefix (system prompt or first message)"_s, u"Calls"_s, u"Hit ratio"_s, u"Cached tokens"_s}, 0, this))
{
    summary_->setWordWrap(true);
    auto* left = new QVBoxLayout;
    left->addWidget(heading(u"Cached input by model"_s, this));
    left->addWidget(models_);
    auto* right = new QVBoxLayout;
    right->addWidget(heading(u"Hit ratio by shared prefix"_s, this));
    right->addWidget(prefixes_);
    auto* tables = new QHBoxLayout;
    tables->addLayout(left, 1);
    tables->addLayout(right, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addLayout(tables, 1);
}

void ProviderCachingView::setReport(const ts::cache::CacheReport& report)
{
    const auto& total = report.total(ts::cache::CacheLayer::ProviderPrefix);
    summary_->setText(total.hits == 0
                          ? u"No provider reported cached input tokens in these traces. OpenAI caches prompts of 1,024 "
                            u"tokens or more by itself; Anthropic caches where a request marks a cache breakpoint."_s
                          : u"Cached input tokens as OpenAI and Anthropic report them, and their discount: what those "
                            u"tokens would have cost at the full input price, minus what they cost."_s);
    models_->setRowCount(static_cast<int>(report.providers.size()));
    int row = 0;
    for (const auto& p : report.providers) {
        setRow(models_, row++,
               {QString::fromStdString(p.provider), QString::fromStdString(p.model), format::grouped(p.calls),
                format::tokens(p.cachedTokens), text::percent(p.share()), p.priced ? format::cost(p.discountUsd) : u"no price"_s},
               2, p.priced ? QString() : u"This model has no price in the catalog, so its discount is unknown."_s);
    }
    prefixes_->setRowCount(static_cast<int>(report.prefixes.size()));
    row = 0;
    for (const auto& p : report.prefixes) {
        setRow(prefixes_, row++,
               {QString::fromStdString(p.label), format::grouped(p.calls), text::percent(p.hitRatio()), format::tokens(p.cachedTokens)},
               1, u"Prefix hash "_s + QString::fromStdString(p.hash));
    }
}

} // namespace ts::ui::cachepanel
