#include "playground/meter_text.h"

#include "catalog/cost.h"
#include "common/cost_text.h"
#include "common/format.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace ts::ui::meter {

namespace {

constexpr double kWarnShare = 0.8;

QString percentOf(std::int64_t part, std::int64_t whole)
{
    const double share = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
    if (share > 0 && share < 1)
        return u"<1%"_s;
    return QString::number(std::llround(share)) + u'%';
}

} // namespace

GaugeState gaugeState(std::int64_t prompt, std::int64_t reserve, std::int64_t window)
{
    if (window <= 0)
        return GaugeState::Unknown;
    if (prompt + reserve > window)
        return GaugeState::Over;
    if (static_cast<double>(prompt) > kWarnShare * static_cast<double>(window))
        return GaugeState::Warning;
    return GaugeState::Ok;
}

QString gaugeSummary(std::int64_t prompt, std::int64_t reserve, std::int64_t window)
{
    if (window <= 0)
        return u"context window unknown"_s;
    QString text = percentOf(prompt, window) + u" of "_s + format::tokens(window);
    if (reserve > 0)
        text += u" · "_s + format::tokens(reserve) + u" for output"_s;
    return text;
}

QString gaugeMessage(std::int64_t prompt, std::int64_t reserve, std::int64_t window)
{
    switch (gaugeState(prompt, reserve, window)) {
    case GaugeState::Unknown:
    case GaugeState::Ok:
        return {};
    case GaugeState::Warning:
        return u"The prompt fills "_s + percentOf(prompt, window) + u" of the "_s + format::tokens(window) +
               u"-token context window."_s;
    case GaugeState::Over:
        break;
    }
    if (prompt > window)
        return u"Too long: the prompt alone is "_s + format::tokens(prompt - window) +
               u" tokens over the "_s + format::tokens(window) + u"-token context window."_s;
    return u"Too long: prompt "_s + format::tokens(prompt) + u" + max output "_s + format::tokens(reserve) +
           u" = "_s + format::tokens(prompt + reserve) + u", over the "_s + format::tokens(window) +
           u"-token window. Lower max tokens or shorten the prompt."_s;
}

QString countText(std::int64_t tokens)
{
    return format::tokens(tokens) + (tokens == 1 ? u" token"_s : u" tokens"_s);
}

QString qualifier(const TokenCount& count)
{
    return count.exact ? u"exact ("_s + QString::fromStdString(count.method) + u')' : u"estimate"_s;
}

QString countTooltip(const TokenCount& count)
{
    QStringList lines;
    lines << (count.exact ? u"Exact count: "_s : u"Estimate: "_s) + QString::fromStdString(count.method);
    if (count.overheadTokens > 0)
        lines << format::tokens(count.overheadTokens) +
                     u" of these are message framing and tool definitions"_s;
    if (count.toolsEstimated)
        lines << u"Tool definitions are estimated: OpenAI serialises them in an undocumented form."_s;
    return lines.join(u'\n');
}

std::optional<std::int64_t> outputReserve(const ModelInfo* model, std::optional<int> formMaxTokens)
{
    if (formMaxTokens)
        return *formMaxTokens;
    if (model && model->maxOutputTokens > 0)
        return model->maxOutputTokens;
    return std::nullopt;
}

CostRange costRange(const QString& modelId, const ModelInfo* model, std::int64_t inputTokens,
                    std::optional<std::int64_t> maxOutput)
{
    CostRange r;
    if (!model) {
        r.text = u"“"_s + modelId + u"” is not in the catalog: no price"_s;
        r.intro = u"Add the model and its prices under Settings › Models & prices."_s;
        return r;
    }
    // Usage at the top of the range: the prompt plus a reply of the reserved length (tiers follow the input).
    // The tokens are Tokenscope's count (the meter says whether exact), not a provider's report;
    // the intro says so, so the explanation's "estimate" note is left out.
    const CostExplanation e = explainCost(
        *model, Usage{.inputTokens = inputTokens, .outputTokens = maxOutput.value_or(0), .reported = true});
    if (!e.breakdown.known) {
        r.text = costtext::noPrice();
        r.intro = u"Add a price under Settings › Models & prices."_s;
        return r;
    }
    r.priced = true;
    r.input = e.breakdown.input;
    r.outputMax = e.breakdown.output;
    r.text = format::cost(r.input) + u" in + "_s +
             (maxOutput ? format::cost(0) + u" – "_s + format::cost(r.outputMax) + u" out"_s
                        : u"output unpriced: no output limit known"_s);
    r.intro =
        u"The prompt's "_s + format::tokens(inputTokens) +
        u" tokens at the input price; the reply costs between nothing and "_s +
        (maxOutput ? u"its limit of "_s + format::tokens(*maxOutput) + u" output tokens, priced below."_s
                   : u"an unknown amount: set Max tokens to bound it."_s);
    r.explanation = costtext::explain(e);
    return r;
}

} // namespace ts::ui::meter
