#include "compare/compare_figures.h"

#include "common/format.h"

#include <QGridLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

constexpr int kPerRow = 3;

QString speedText(std::optional<double> tps)
{
    if (!tps)
        return u"–"_s;
    return QString::number(*tps, 'f', *tps < 10 ? 1 : 0) + u" tok/s"_s;
}

void setBold(QLabel* label, bool bold)
{
    QFont f = label->font();
    f.setBold(bold);
    label->setFont(f);
}

} // namespace

CompareFigures::CompareFigures(QWidget* parent) : QWidget(parent)
{
    static const QString kCaptions[FieldCount] = {u"Tokens in → out"_s, u"Cost"_s, u"TTFT"_s,
                                                  u"Speed"_s,           u"Total"_s, u"Trace"_s};
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(0);
    for (int f = 0; f < FieldCount; ++f) {
        captions_[f] = new QLabel(kCaptions[f], this);
        captions_[f]->setStyleSheet(u"color: palette(placeholder-text); font-size: 10px;"_s);
        values_[f] = new QLabel(u"–"_s, this);
        values_[f]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        const int row = (f / kPerRow) * 2;
        grid->addWidget(captions_[f], row, f % kPerRow);
        grid->addWidget(values_[f], row + 1, f % kPerRow);
    }
    for (int c = 0; c < kPerRow; ++c)
        grid->setColumnStretch(c, 1);
    grid->setRowMinimumHeight(2, 4);
}

void CompareFigures::clear()
{
    for (QLabel* v : values_) {
        v->setText(u"–"_s);
        v->setToolTip({});
    }
    setEmphasis({});
}

void CompareFigures::setOutcome(const CompareOutcome& o)
{
    const ReplyOutcome& r = o.reply;
    values_[Tokens]->setText(format::tokens(r.inputTokens) + u" → "_s + format::tokens(r.outputTokens));
    if (r.cachedTokens > 0)
        values_[Tokens]->setToolTip(format::tokens(r.cachedTokens) + u" input tokens read from the cache"_s);
    values_[Cost]->setText(r.costKnown ? format::cost(r.costUsd) : u"unknown"_s);
    values_[Cost]->setToolTip(r.costExplanation.isEmpty()
                                  ? QString()
                                  : u"<pre style=\"margin:0\">"_s + r.costExplanation.toHtmlEscaped() +
                                        u"</pre>"_s);
    values_[Ttft]->setText(r.ttftMs ? format::duration(*r.ttftMs) : u"–"_s);
    values_[Speed]->setText(speedText(o.tokensPerSecond));
    values_[Speed]->setToolTip(u"Output tokens per second after the first token"_s);
    values_[Total]->setText(format::duration(r.durationMs));
    values_[Trace]->setText(r.traceId.isEmpty() ? u"–"_s : r.traceId.left(8));
    values_[Trace]->setToolTip(r.traceId);
}

void CompareFigures::setEmphasis(const Emphasis& e)
{
    emphasis_ = e;
    setBold(values_[Cost], e.cheapest);
    setBold(values_[Ttft], e.fastestTtft);
    setBold(values_[Speed], e.fastestSpeed);
    values_[Cost]->setAccessibleDescription(e.cheapest ? u"cheapest"_s : QString());
    values_[Ttft]->setAccessibleDescription(e.fastestTtft ? u"fastest first token"_s : QString());
    values_[Speed]->setAccessibleDescription(e.fastestSpeed ? u"fastest generation"_s : QString());
}

QString CompareFigures::text() const
{
    QStringList parts;
    for (int f = 0; f < FieldCount; ++f)
        parts << captions_[f]->text() + u' ' + values_[f]->text();
    return parts.join(u" · "_s);
}

} // namespace ts::ui
