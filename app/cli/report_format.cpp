#include "report_format.h"

#include "model/time_format.h"
#include "trace/export/csv_text.h"

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace ts::cli {

namespace {

using analytics::UsageLine;
using analytics::UsageReport;
using nlohmann::json;

std::string dayOf(std::int64_t hour)
{
    return isoUtc(hour * kRollupBucketNs).substr(0, 10);
}

json timeOrNull(const std::optional<Nanos>& t)
{
    return t ? json(isoUtc(*t)) : json(nullptr);
}

json lineJson(const UsageLine& l)
{
    return {{"requests", l.requests},
            {"errors", l.errors},
            {"error_rate", l.errorRate},
            {"input_tokens", l.inputTokens},
            {"output_tokens", l.outputTokens},
            {"cached_tokens", l.cachedTokens},
            {"cost_usd", l.costUsd},
            {"cost_share", l.costShare},
            {"latency_p50_ms", l.latencyP50Ms},
            {"latency_p95_ms", l.latencyP95Ms},
            {"ttft_p50_ms", l.ttftP50Ms ? json(*l.ttftP50Ms) : json(nullptr)}};
}

std::string usd(double v)
{
    char buffer[64];
    if (v != 0 && v < 0.01)
        std::snprintf(buffer, sizeof buffer, "$%.6f", v);
    else
        std::snprintf(buffer, sizeof buffer, "$%.4f", v);
    return buffer;
}

std::string percent(double share)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", share * 100.0);
    return buffer;
}

std::string ms(double v)
{
    char buffer[64];
    if (v < 10)
        std::snprintf(buffer, sizeof buffer, "%.1f ms", v);
    else
        std::snprintf(buffer, sizeof buffer, "%.0f ms", v);
    return buffer;
}

std::string count(std::int64_t n)
{
    return std::to_string(n);
}

// A Markdown table cell: pipes escaped, line breaks as spaces.
std::string cell(std::string_view text)
{
    std::string out;
    for (char c : text)
        if (c == '|')
            out += "\\|";
        else
            out += c == '\n' || c == '\r' ? ' ' : c;
    return out;
}

void row(std::ostream& out, const std::vector<std::string>& cells)
{
    out << '|';
    for (const std::string& c : cells)
        out << ' ' << c << " |";
    out << '\n';
}

void table(std::ostream& out, const std::vector<std::string>& header)
{
    row(out, header);
    out << '|';
    for (std::size_t i = 0; i < header.size(); ++i)
        out << " --- |";
    out << '\n';
}

std::string period(const UsageReport& r)
{
    if (!r.since && !r.until)
        return "all recorded traffic";
    return (r.since ? isoUtc(*r.since) : std::string("the first trace")) + " to " +
           (r.until ? isoUtc(*r.until) : std::string("the last trace")) + " (whole hours, UTC)";
}

} // namespace

void writeReportMarkdown(const UsageReport& r, std::ostream& out)
{
    out << "# Usage report\n\nPeriod: " << period(r) << "\n\n## Totals\n\n";
    const UsageLine& t = r.totals;
    table(out, {"requests", "errors", "error rate", "input tokens", "output tokens", "cached tokens", "cost",
                "p50 latency", "p95 latency"});
    row(out, {count(t.requests), count(t.errors), percent(t.errorRate), count(t.inputTokens),
              count(t.outputTokens), count(t.cachedTokens), usd(t.costUsd), ms(t.latencyP50Ms),
              ms(t.latencyP95Ms)});
    out << "\n## By model\n\n";
    table(out, {"model", "requests", "input tokens", "output tokens", "cached tokens", "cost",
                "share of cost", "p50 latency", "p95 latency", "p50 TTFT", "error rate"});
    for (const UsageLine& m : r.models)
        row(out, {cell(m.name.empty() ? "(none)" : m.name), count(m.requests), count(m.inputTokens),
                  count(m.outputTokens), count(m.cachedTokens), usd(m.costUsd), percent(m.costShare),
                  ms(m.latencyP50Ms), ms(m.latencyP95Ms), m.ttftP50Ms ? ms(*m.ttftP50Ms) : "-",
                  percent(m.errorRate)});
    out << "\n## By day (UTC)\n\n";
    table(out, {"day", "requests", "cost", "errors"});
    for (const analytics::DayUsage& d : r.days)
        row(out, {dayOf(d.hour), count(d.requests), usd(d.costUsd), count(d.errors)});
    out << "\n## Most frequent errors\n\n";
    if (r.errors.empty()) {
        out << "None.\n";
        return;
    }
    table(out, {"count", "error"});
    for (const analytics::ErrorCount& e : r.errors)
        row(out, {count(e.count), cell(e.message)});
}

void writeReportJson(const UsageReport& r, std::ostream& out)
{
    json models = json::array(), days = json::array(), errors = json::array();
    for (const UsageLine& m : r.models) {
        json line = lineJson(m);
        line["model"] = m.name;
        models.push_back(std::move(line));
    }
    for (const analytics::DayUsage& d : r.days)
        days.push_back({{"day", dayOf(d.hour)},
                        {"requests", d.requests},
                        {"cost_usd", d.costUsd},
                        {"errors", d.errors}});
    for (const analytics::ErrorCount& e : r.errors)
        errors.push_back({{"message", e.message}, {"count", e.count}});
    const json doc{{"since", timeOrNull(r.since)},
                   {"until", timeOrNull(r.until)},
                   {"totals", lineJson(r.totals)},
                   {"models", models},
                   {"days", days},
                   {"errors", errors}};
    out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

void writeReportCsv(const UsageReport& r, std::ostream& out)
{
    static constexpr std::array<std::string_view, 14> kColumns{
        "section",        "name",           "requests",      "errors",   "error_rate",
        "input_tokens",   "output_tokens",  "cached_tokens", "cost_usd", "cost_share",
        "latency_p50_ms", "latency_p95_ms", "ttft_p50_ms",   "count"};
    std::string text;
    exporting::csv::appendHeader(text, kColumns);
    auto add = [&](json row) { exporting::csv::appendRecord(text, row, kColumns); };
    json total = lineJson(r.totals);
    total["section"] = "total";
    add(total);
    for (const UsageLine& m : r.models) {
        json line = lineJson(m);
        line["section"] = "model";
        line["name"] = m.name;
        add(line);
    }
    for (const analytics::DayUsage& d : r.days)
        add({{"section", "day"},
             {"name", dayOf(d.hour)},
             {"requests", d.requests},
             {"errors", d.errors},
             {"cost_usd", d.costUsd}});
    for (const analytics::ErrorCount& e : r.errors)
        add({{"section", "error"}, {"name", e.message}, {"count", e.count}});
    out << text;
}

} // namespace ts::cli
