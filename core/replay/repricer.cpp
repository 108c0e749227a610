#include "replay/repricer.h"

#include "catalog/cost.h"
#include "replay/prompt_prefix.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

namespace ts::replay {

namespace {

constexpr std::int64_t kCancelEvery = 4096; // traces between looks at the cancel token

// How one alternative treats the calls of each recorded model: the model they are priced at.
struct ModelPlan
{
    const ModelInfo* priceAt = nullptr; // nullptr: unpriced
    bool moved = false;
    std::string matched; // the alternative's "from" entry that chose these calls
};

std::vector<ModelPlan> planModels(const CallSet& set, const Alternative& a, const Catalog& catalog,
                                  const ModelInfo* target)
{
    std::vector<ModelPlan> plans;
    plans.reserve(set.models.size());
    for (const CallModel& m : set.models) {
        const ModelInfo* own = catalog.find(m.model, m.provider);
        const auto from = std::find_if(a.from.begin(), a.from.end(),
                                       [&](const std::string& f) { return f == m.model || (own && f == own->id); });
        if (target && (a.from.empty() || from != a.from.end()))
            plans.push_back({target, own != target, from != a.from.end() ? *from : std::string()});
        else
            plans.push_back({own, false, {}});
    }
    return plans;
}

class Tally
{
  public:
    explicit Tally(AlternativeCost& out) : out_(out) {}

    void add(const ModelPlan& plan, const CallModel& recorded, const Usage& usage, bool batch)
    {
        ++out_.calls;
        if (!plan.priceAt) {
            ++out_.unpricedCalls;
            slot(nullptr, recorded.model).calls += 1;
            return;
        }
        const CostBreakdown cost = costOf(*plan.priceAt, usage, {.batch = batch});
        out_.usd += cost.total();
        out_.movedCalls += plan.moved ? 1 : 0;
        out_.batchCalls += batch && plan.priceAt->prices.batchDiscount > 0 ? 1 : 0;
        out_.cacheReadTokens += usage.cacheReadTokens;
        out_.cacheWriteTokens += usage.cacheWriteTokens;
        ModelCost& m = slot(plan.priceAt, plan.priceAt->id);
        m.calls += 1;
        m.usd += cost.total();
    }

    void finish()
    {
        for (auto& [key, cost] : slots_)
            out_.byModel.push_back(std::move(cost));
        std::sort(out_.byModel.begin(), out_.byModel.end(), [](const ModelCost& a, const ModelCost& b) {
            return a.usd != b.usd ? a.usd > b.usd : a.model < b.model;
        });
    }

  private:
    ModelCost& slot(const ModelInfo* info, const std::string& name)
    {
        auto [it, fresh] = slots_.try_emplace(info ? info->id : "\x01" + name);
        if (fresh)
            it->second = ModelCost{name, 0, 0, info != nullptr};
        return it->second;
    }

    AlternativeCost& out_;
    std::unordered_map<std::string, ModelCost> slots_;
};

void addNotes(AlternativeCost& out, const Alternative& a, const std::vector<ModelPlan>& plans)
{
    if (out.unpricedCalls > 0)
        out.notes.push_back(std::to_string(out.unpricedCalls) +
                            " call(s) of models without a catalog price are left out of the total");
    if (a.model && out.movedCalls > 0)
        out.notes.push_back("calls moved to " + *a.model +
                            " keep their recorded token counts; its tokenizer may count a few percent differently");
    if (a.batch) {
        for (std::size_t i = 0; i < plans.size(); ++i)
            if (plans[i].priceAt && plans[i].priceAt->prices.batchDiscount <= 0)
                out.notes.push_back(plans[i].priceAt->id + " lists no batch discount: its calls keep their price");
    }
    for (const std::string& f : a.from)
        if (std::none_of(plans.begin(), plans.end(), [&](const ModelPlan& p) { return p.matched == f; }))
            out.notes.push_back("no selected call was made with " + f);
    if (a.promptCaching)
        out.notes.push_back("prompt caching is applied between the calls of one trace, not across traces");
}

std::optional<AlternativeCost> priceUnder(const CallSet& set, const Alternative& a, const Catalog& catalog,
                                          const CancelToken* cancel)
{
    const ModelInfo* target = nullptr;
    if (a.model) {
        target = catalog.find(*a.model);
        if (!target)
            throw std::invalid_argument("alternative \"" + a.name + "\": no model '" + *a.model +
                                        "' in the catalog (tokenscope-cli models lists them)");
    }
    const std::vector<ModelPlan> plans = planModels(set, a, catalog, target);
    AlternativeCost out;
    out.name = a.name;
    Tally tally(out);
    std::vector<const ModelInfo*> pricedAt;
    for (const ModelPlan& p : plans)
        pricedAt.push_back(p.priceAt);
    std::vector<Usage> usages;
    std::int64_t traces = 0;
    for (std::size_t begin = 0; begin < set.calls.size();) {
        if (cancel && ++traces % kCancelEvery == 0 && cancel->cancelled())
            return std::nullopt;
        std::size_t end = begin + 1;
        while (end < set.calls.size() && set.calls[end].traceRowId == set.calls[begin].traceRowId)
            ++end;
        usages.clear();
        for (std::size_t i = begin; i < end; ++i)
            usages.push_back(set.calls[i].usage);
        if (a.promptCaching)
            applyPromptCaching(*a.promptCaching, set, pricedAt, begin, usages);
        for (std::size_t i = begin; i < end; ++i) {
            const RecordedCall& c = set.calls[i];
            tally.add(plans[c.model], set.models[c.model], usages[i - begin], c.batch || a.batch);
        }
        begin = end;
    }
    tally.finish();
    addNotes(out, a, plans);
    return out;
}

} // namespace

std::optional<RepriceReport> reprice(const CallSet& calls, const std::vector<Alternative>& alternatives,
                                     const Catalog& catalog, const CancelToken* cancel)
{
    RepriceReport report;
    report.traces = calls.traces;
    report.calls = static_cast<std::int64_t>(calls.calls.size());
    report.priceSource = catalog.snapshotSource();
    for (const RecordedCall& c : calls.calls)
        if (c.recordedUsd) {
            report.recordedUsd += *c.recordedUsd;
            ++report.recordedCalls;
        }
    auto recorded = priceUnder(calls, Alternative{"as recorded", {}, {}, false, {}}, catalog, cancel);
    if (!recorded)
        return std::nullopt;
    report.asRecorded = std::move(*recorded);
    for (const Alternative& a : alternatives) {
        auto cost = priceUnder(calls, a, catalog, cancel);
        if (!cost)
            return std::nullopt;
        report.alternatives.push_back(std::move(*cost));
    }
    return report;
}

} // namespace ts::replay
