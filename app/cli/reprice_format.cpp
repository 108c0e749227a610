#include "reprice_format.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

namespace ts::cli {

namespace {

std::string usd(double value)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, value != 0 && value < 0.01 ? "$%.6f" : "$%.2f", value);
    return buf;
}

std::string change(double value, double against)
{
    if (against <= 0)
        return value > 0 ? "new" : "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.1f%%", 100 * (value - against) / against);
    return buf;
}

void row(std::ostream& out, const replay::AlternativeCost& a, double against, bool first)
{
    char line[256];
    std::snprintf(line, sizeof line, "%-36.36s %10lld %14s %9s %12lld\n", a.name.c_str(),
                  static_cast<long long>(a.calls - a.unpricedCalls), usd(a.usd).c_str(),
                  first ? "" : change(a.usd, against).c_str(), static_cast<long long>(a.cacheReadTokens));
    out << line;
}

void details(std::ostream& out, const replay::AlternativeCost& a)
{
    out << "\n" << a.name << ":\n";
    constexpr std::size_t kModels = 6;
    for (std::size_t i = 0; i < a.byModel.size() && i < kModels; ++i) {
        const replay::ModelCost& m = a.byModel[i];
        char line[200];
        std::snprintf(line, sizeof line, "  %-32.32s %10lld calls %14s\n", m.model.c_str(),
                      static_cast<long long>(m.calls), m.priced ? usd(m.usd).c_str() : "no price");
        out << line;
    }
    if (a.byModel.size() > kModels)
        out << "  ... and " << a.byModel.size() - kModels << " more models\n";
    for (const std::string& note : a.notes)
        out << "  note: " << note << "\n";
}

nlohmann::json toJson(const replay::AlternativeCost& a, double against)
{
    nlohmann::json models = nlohmann::json::array();
    for (const replay::ModelCost& m : a.byModel)
        models.push_back({{"model", m.model}, {"calls", m.calls}, {"usd", m.usd}, {"priced", m.priced}});
    nlohmann::json j{{"name", a.name},
                     {"usd", a.usd},
                     {"change_usd", a.usd - against},
                     {"calls", a.calls},
                     {"unpriced_calls", a.unpricedCalls},
                     {"moved_calls", a.movedCalls},
                     {"batch_calls", a.batchCalls},
                     {"cache_read_tokens", a.cacheReadTokens},
                     {"cache_write_tokens", a.cacheWriteTokens},
                     {"models", models},
                     {"notes", a.notes}};
    j["change_pct"] = against > 0 ? nlohmann::json(100 * (a.usd - against) / against) : nlohmann::json();
    return j;
}

} // namespace

void writeRepriceText(const replay::RepriceReport& r, std::ostream& out)
{
    out << "Re-priced " << r.calls << " model call(s) in " << r.traces << " trace(s) by " << r.priceSource
        << "; nothing was sent.\n";
    if (r.recordedCalls > 0)
        out << "Recorded cost of " << r.recordedCalls << " call(s) at the time: " << usd(r.recordedUsd) << "\n";
    char head[200];
    std::snprintf(head, sizeof head, "\n%-36s %10s %14s %9s %12s\n", "alternative", "calls", "cost", "change",
                  "cached in");
    out << head;
    row(out, r.asRecorded, 0, true);
    for (const replay::AlternativeCost& a : r.alternatives)
        row(out, a, r.asRecorded.usd, false);
    details(out, r.asRecorded);
    for (const replay::AlternativeCost& a : r.alternatives)
        details(out, a);
}

void writeRepriceJson(const replay::RepriceReport& r, std::ostream& out)
{
    nlohmann::json alternatives = nlohmann::json::array();
    for (const replay::AlternativeCost& a : r.alternatives)
        alternatives.push_back(toJson(a, r.asRecorded.usd));
    nlohmann::json doc{{"traces", r.traces},
                       {"calls", r.calls},
                       {"recorded_usd", r.recordedUsd},
                       {"recorded_calls", r.recordedCalls},
                       {"price_source", r.priceSource},
                       {"as_recorded", toJson(r.asRecorded, r.asRecorded.usd)},
                       {"alternatives", alternatives}};
    out << doc.dump(2) << "\n";
}

} // namespace ts::cli
