#include "settings/catalog_columns.h"

#include "common/format.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace ts::ui::catalogcol {

namespace {

const std::optional<TieredPrice>* priceOf(const ModelInfo& m, int column)
{
    switch (column) {
    case Input:
        return &m.prices.input;
    case Cached:
        return &m.prices.cachedInput;
    case Write5m:
        return &m.prices.cacheWrite5m;
    case Write1h:
        return &m.prices.cacheWrite1h;
    case Output:
        return &m.prices.output;
    default:
        return nullptr;
    }
}

QString perMTok(double v)
{
    // Cents read as money ("2.50"); finer prices keep their digits ("0.075").
    if (std::abs(v * 100 - std::round(v * 100)) < 1e-9)
        return QString::number(v, 'f', 2);
    return QString::number(v, 'g', 8);
}

QString shortTokens(std::int64_t n)
{
    if (n >= 1'000'000 && n % 1'000'000 == 0)
        return QString::number(n / 1'000'000) + u'M';
    if (n >= 1000 && n % 1000 == 0)
        return QString::number(n / 1000) + u'k';
    return format::tokens(n);
}

QString tokensOrDash(std::int64_t n)
{
    return n > 0 ? format::tokens(n) : u"–"_s;
}

} // namespace

QString price(const std::optional<TieredPrice>& p)
{
    if (!p)
        return u"–"_s;
    QString text = perMTok(p->basePerMTok);
    for (const TieredPrice::Tier& t : p->tiers)
        text += u" · "_s + perMTok(t.perMTok);
    return text;
}

QString tiers(const ModelInfo& m, int column)
{
    const auto* p = priceOf(m, column);
    if (!p || !*p || (*p)->tiers.empty())
        return {};
    QString text = perMTok((*p)->basePerMTok) + u" per million tokens"_s;
    for (const TieredPrice::Tier& t : (*p)->tiers)
        text += u";\n"_s + perMTok(t.perMTok) + u" when the request's input is above "_s +
                shortTokens(t.aboveInputTokens) + u" tokens"_s;
    return text;
}

int width(int column)
{
    static const int widths[Count] = {84, 200, 80, 80, 100, 100, 100, 100, 100, 56, 120, 240, 70};
    return column >= 0 && column < Count ? widths[column] : 80;
}

QString header(int column)
{
    static const QStringList names = {
        u"Provider"_s, u"Model"_s,  u"Context"_s, u"Max output"_s, u"Input"_s,  u"Cached"_s, u"Write 5m"_s,
        u"Write 1h"_s, u"Output"_s, u"Batch"_s,   u"Tokenizer"_s,  u"Source"_s, u"Origin"_s};
    return names.value(column);
}

QString headerTip(int column)
{
    if (priceOf(ModelInfo{}, column))
        return header(column) +
               u" price, USD per million tokens. Double-click to override; clear the cell to go back to the shipped price."_s;
    switch (column) {
    case Context:
        return u"Context window in tokens (prompt and reply together)"_s;
    case MaxOutput:
        return u"The most tokens one reply may have"_s;
    case Batch:
        return u"Discount on the provider's batch API"_s;
    case Origin:
        return u"shipped: the snapshot that comes with Tokenscope; override: changed in your override file"_s;
    default:
        return {};
    }
}

QString display(const ModelInfo& m, int column)
{
    if (const auto* p = priceOf(m, column))
        return price(*p);
    switch (column) {
    case Provider:
        return QString::fromStdString(m.provider);
    case Model:
        return QString::fromStdString(m.id);
    case Context:
        return tokensOrDash(m.contextWindow);
    case MaxOutput:
        return tokensOrDash(m.maxOutputTokens);
    case Batch:
        return m.prices.batchDiscount > 0 ? QString::number(std::lround(m.prices.batchDiscount * 100)) + u'%'
                                          : u"–"_s;
    case Tokenizer:
        return QString::fromStdString(m.tokenizer);
    case Source:
        return QString::fromStdString(m.source) +
               (m.sourceDate.empty() ? QString() : u" · "_s + QString::fromStdString(m.sourceDate));
    case Origin:
        return m.origin == "shipped" || m.origin.empty() ? u"shipped"_s : u"override"_s;
    default:
        return {};
    }
}

QVariant sortKey(const ModelInfo& m, int column)
{
    if (const auto* p = priceOf(m, column))
        return *p ? (*p)->basePerMTok : -1.0;
    switch (column) {
    case Context:
        return QVariant::fromValue<qint64>(m.contextWindow);
    case MaxOutput:
        return QVariant::fromValue<qint64>(m.maxOutputTokens);
    case Batch:
        return m.prices.batchDiscount;
    default:
        return display(m, column).toLower();
    }
}

QString editText(const ModelInfo& m, int column)
{
    if (const auto* p = priceOf(m, column))
        return *p ? perMTok((*p)->basePerMTok) : QString();
    switch (column) {
    case Context:
        return m.contextWindow > 0 ? QString::number(m.contextWindow) : QString();
    case MaxOutput:
        return m.maxOutputTokens > 0 ? QString::number(m.maxOutputTokens) : QString();
    case Batch:
        return m.prices.batchDiscount > 0 ? QString::number(m.prices.batchDiscount * 100) : QString();
    default:
        return display(m, column);
    }
}

bool editable(int column)
{
    return !fieldKey(column).isEmpty();
}

QString fieldKey(int column)
{
    switch (column) {
    case Context:
        return u"contextWindow"_s;
    case MaxOutput:
        return u"maxOutputTokens"_s;
    case Input:
        return u"prices.input"_s;
    case Cached:
        return u"prices.cachedInput"_s;
    case Write5m:
        return u"prices.cacheWrite5m"_s;
    case Write1h:
        return u"prices.cacheWrite1h"_s;
    case Output:
        return u"prices.output"_s;
    case Batch:
        return u"batchDiscount"_s;
    default:
        return {};
    }
}

std::optional<double> parse(int column, QString text)
{
    text = text.trimmed().remove(u'$').remove(u'%').remove(u',');
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || v < 0 || !std::isfinite(v))
        return std::nullopt;
    if (column == Context || column == MaxOutput)
        return v >= 1 && v == std::floor(v) ? std::optional<double>(v) : std::nullopt;
    if (column == Batch)
        return v <= 100 ? std::optional<double>(v / 100) : std::nullopt;
    return v;
}

bool differs(const ModelInfo& a, const ModelInfo& b, int column)
{
    if (const auto* pa = priceOf(a, column))
        return *pa != *priceOf(b, column);
    return display(a, column) != display(b, column);
}

} // namespace ts::ui::catalogcol
