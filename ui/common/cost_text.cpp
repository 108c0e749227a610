#include "common/cost_text.h"

using namespace Qt::StringLiterals;

namespace ts::ui::costtext {

QString noPrice()
{
    return u"no price for this model in the catalog"_s;
}

QString explain(const CostExplanation& e)
{
    if (!e.breakdown.known)
        return u"Cost of "_s + QString::fromStdString(e.modelId) + u": "_s + noPrice();
    return QString::fromStdString(formatExplanation(e)).trimmed();
}

QString explain(std::string_view modelId, std::string_view provider, const Usage& usage,
                std::optional<double> reportedUsd)
{
    return explain(*Catalog::current(), modelId, provider, usage, reportedUsd);
}

QString explain(const Catalog& catalog, std::string_view modelId, std::string_view provider,
                const Usage& usage, std::optional<double> reportedUsd)
{
    const ModelInfo* model = catalog.find(modelId, provider);
    if (!model)
        return u"“"_s + QString::fromUtf8(modelId.data(), static_cast<qsizetype>(modelId.size())) +
               u"” is not in the model catalog, so its cost is unknown. Add it under Settings › Models & prices."_s;
    CostExplanation e = explainCost(*model, usage);
    e.reportedUsd = reportedUsd;
    return explain(e);
}

} // namespace ts::ui::costtext
