#include "playground/token_meter.h"

#include "catalog/catalog.h"
#include "playground/context_gauge.h"
#include "playground/meter_text.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString html(const meter::CostRange& r)
{
    QString out = u"<p style=\"white-space:pre-wrap\">"_s + r.intro.toHtmlEscaped() + u"</p>"_s;
    if (!r.explanation.isEmpty())
        out += u"<pre style=\"margin:0\">"_s + r.explanation.toHtmlEscaped() + u"</pre>"_s;
    return out;
}

QPushButton* linkButton(const QString& text, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setFlat(true);
    b->setCursor(Qt::PointingHandCursor);
    b->setStyleSheet(u"QPushButton { color: palette(link); padding: 0 4px; border: none; }"
                     u"QPushButton:disabled { color: palette(placeholder-text); }"_s);
    return b;
}

void showPopup(QWidget* anchor, const QString& html)
{
    auto* popup = new QLabel(html, anchor, Qt::Popup);
    popup->setAttribute(Qt::WA_DeleteOnClose);
    popup->setTextInteractionFlags(Qt::TextSelectableByMouse);
    popup->setStyleSheet(
        u"QLabel { background: palette(base); border: 1px solid palette(mid); padding: 8px; }"_s);
    popup->resize(popup->sizeHint()); // adjustSize() would cap it at 2/3 of the screen and clip the lines
    popup->move(anchor->mapToGlobal(QPoint(0, -popup->height() - 4)));
    popup->show();
}

} // namespace

TokenMeter::TokenMeter(QWidget* parent)
    : QWidget(parent), count_(new QLabel(this)), qualifier_(new QLabel(this)), gauge_(new ContextGauge(this)),
      fill_(new QLabel(this)), cost_(new QLabel(this)), explain_(linkButton(u"Explain"_s, this)),
      exact_(linkButton(u"Count exactly"_s, this)), message_(new QLabel(this))
{
    setObjectName(u"tokenMeter"_s);
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(u"QWidget#tokenMeter { border-top: 1px solid palette(mid); }"_s);
    count_->setStyleSheet(u"font-weight: 600;"_s);
    for (QLabel* quiet : {qualifier_, fill_})
        quiet->setStyleSheet(u"color: palette(placeholder-text);"_s);
    message_->setWordWrap(true);
    message_->setVisible(false);
    explain_->setToolTip(u"How the cost estimate is made"_s);
    auto* top = new QHBoxLayout;
    top->addWidget(count_);
    top->addWidget(qualifier_);
    top->addSpacing(12);
    top->addWidget(gauge_, 1);
    top->addWidget(fill_);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(new QLabel(u"Cost to send:"_s, this));
    bottom->addWidget(cost_);
    bottom->addWidget(explain_);
    bottom->addStretch(1);
    bottom->addWidget(exact_);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(4, 8, 4, 4);
    column->setSpacing(4);
    column->addLayout(top);
    column->addLayout(bottom);
    column->addWidget(message_);
    connect(explain_, &QPushButton::clicked, this, &TokenMeter::explain);
    connect(exact_, &QPushButton::clicked, this, [this] {
        exactError_.clear();
        exact_->setText(u"Counting…"_s);
        exact_->setEnabled(false);
        Q_EMIT exactCountRequested();
    });
    refresh();
}

void TokenMeter::setCounting()
{
    counting_ = true;
    exactTokens_.reset();
    exactError_.clear();
    refresh();
}

void TokenMeter::setCount(const PromptCount& count)
{
    counting_ = false;
    shown_ = count;
    const auto catalog = Catalog::current();
    const ModelInfo* info = catalog->find(count.model.toStdString());
    info_ = info ? std::optional<ModelInfo>(*info) : std::nullopt;
    refresh();
}

void TokenMeter::setExactCount(qint64 tokens)
{
    exactTokens_ = tokens;
    refresh();
}

void TokenMeter::setExactFailed(const QString& message)
{
    exactError_ = message;
    refresh();
}

void TokenMeter::setExactAvailable(bool available)
{
    exactAvailable_ = available;
    refresh();
}

void TokenMeter::refresh()
{
    showCount();
    showGaugeAndCost();
    exact_->setVisible(claude() && !exactTokens_);
    exact_->setEnabled(exactAvailable_ && !counting_);
    exact_->setText(u"Count exactly"_s);
    exact_->setToolTip(
        exactAvailable_
            ? u"Ask Anthropic's count_tokens endpoint (free) for the exact count"_s
            : u"Set ANTHROPIC_API_KEY to get an exact count from Anthropic's count_tokens endpoint"_s);
}

void TokenMeter::showCount()
{
    if (counting_) {
        qualifier_->setText(u"counting…"_s);
        return;
    }
    if (!shown_.error.isEmpty()) {
        count_->setText(u"? tokens"_s);
        qualifier_->setText(u"could not count"_s);
        count_->setToolTip(shown_.error);
        return;
    }
    const std::int64_t tokens = exactTokens_.value_or(shown_.count.tokens);
    count_->setText(meter::countText(tokens));
    qualifier_->setText(exactTokens_ ? u"exact (Anthropic count_tokens)"_s
                        : exactError_.isEmpty()
                            ? meter::qualifier(shown_.count)
                            : meter::qualifier(shown_.count) + u" · exact count failed"_s);
    QString tip =
        exactTokens_ ? u"Counted by Anthropic's count_tokens endpoint"_s : meter::countTooltip(shown_.count);
    if (claude() && !exactTokens_)
        tip +=
            exactError_.isEmpty()
                ? (exactAvailable_ ? u"\nUse Count exactly for Anthropic's own count."_s
                                   : u"\nFor an exact count, set ANTHROPIC_API_KEY and use Count exactly."_s)
                : u"\nExact count failed: "_s + exactError_;
    count_->setToolTip(tip);
    qualifier_->setToolTip(tip);
}

void TokenMeter::showGaugeAndCost()
{
    const std::int64_t tokens = exactTokens_.value_or(shown_.count.tokens);
    const ModelInfo* info = info_ ? &*info_ : nullptr;
    const auto reserve = meter::outputReserve(info, shown_.maxTokens);
    const std::int64_t window = info ? info->contextWindow : 0;
    gauge_->setValues(tokens, reserve.value_or(0), window);
    fill_->setText(meter::gaugeSummary(tokens, reserve.value_or(0), window));
    const QString gaugeTip =
        window > 0
            ? u"The model's context window: the prompt (solid), then the tokens reserved for the reply (light)"_s
            : u"The catalog lists no context window for this model"_s;
    gauge_->setToolTip(gaugeTip);
    fill_->setToolTip(gaugeTip);
    const QString message = counting_ ? QString() : meter::gaugeMessage(tokens, reserve.value_or(0), window);
    message_->setText(message);
    message_->setStyleSheet(gauge_->state() == meter::GaugeState::Over ? u"color: #c0392b;"_s
                                                                       : u"color: #b9770e;"_s);
    message_->setVisible(!message.isEmpty());
    const meter::CostRange range = meter::costRange(shown_.model, info, tokens, reserve);
    cost_->setText(range.text);
    cost_->setToolTip(html(range));
    explain_->setEnabled(range.priced);
}

void TokenMeter::explain()
{
    const ModelInfo* info = info_ ? &*info_ : nullptr;
    const std::int64_t tokens = exactTokens_.value_or(shown_.count.tokens);
    showPopup(explain_, html(meter::costRange(shown_.model, info, tokens,
                                              meter::outputReserve(info, shown_.maxTokens))));
}

QString TokenMeter::countText() const
{
    return count_->text();
}
QString TokenMeter::qualifierText() const
{
    return qualifier_->text();
}
QString TokenMeter::costText() const
{
    return cost_->text();
}
QString TokenMeter::messageText() const
{
    return message_->text();
}

} // namespace ts::ui
