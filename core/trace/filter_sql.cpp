#include "trace/filter_sql.h"

#include "trace/fts_query.h"

#include "trace/rollup.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <stdexcept>

namespace ts::filter {

namespace {

const std::map<std::string, std::string, std::less<>>& termColumns()
{
    static const std::map<std::string, std::string, std::less<>> columns{
        {"model", "model"}, {"provider", "provider"}, {"route", "route"},         {"status", "status"},
        {"source", "source"}, {"user", "user"},       {"session", "session"},     {"simulated", "simulated"},
    };
    return columns;
}

std::string compareColumn(const std::string& key)
{
    if (key == "cost")
        return "cost_usd";
    if (key == "tokens")
        return "input_tokens + output_tokens";
    if (key == "ttft")
        return "ttft_ms";
    if (key == "duration")
        return "duration_ms";
    throw std::invalid_argument("unknown filter comparison '" + key + "'");
}

std::string checkedOp(const std::string& op)
{
    for (const char* allowed : {">", ">=", "<", "<=", "="})
        if (op == allowed)
            return op;
    throw std::invalid_argument("unknown filter operator '" + op + "'");
}

const std::string& termColumn(const std::string& key)
{
    const auto it = termColumns().find(key);
    if (it == termColumns().end())
        throw std::invalid_argument("unknown filter key '" + key + "'");
    return it->second;
}

sql::Value termValue(const TraceFilter::Term& term)
{
    if (term.key == "simulated")
        return std::int64_t{term.value == "yes" || term.value == "true" || term.value == "1" ? 1 : 0};
    return term.value;
}

class Builder
{
  public:
    void add(const std::string& condition)
    {
        where_.sql += (where_.sql.empty() ? " WHERE " : " AND ") + condition;
    }

    std::string placeholder(sql::Value value)
    {
        where_.values.push_back(std::move(value));
        return "?" + std::to_string(where_.values.size());
    }

    void terms(const std::vector<TraceFilter::Term>& terms)
    {
        std::map<std::string, std::vector<const TraceFilter::Term*>> anyOf;
        for (const TraceFilter::Term& term : terms) {
            if (term.key == "tag")
                add("instr(',' || tags || ',', ',' || " + placeholder(term.value) + " || ',') " +
                    (term.negated ? "= 0" : "> 0"));
            else if (term.negated)
                add(termColumn(term.key) + " IS NOT " + placeholder(termValue(term)));
            else
                anyOf[term.key].push_back(&term);
        }
        for (const auto& [key, group] : anyOf)
            add(termColumn(key) + " IN (" + placeholders(group) + ")");
    }

    void compares(const std::vector<TraceFilter::Compare>& compares)
    {
        for (const TraceFilter::Compare& c : compares)
            add("(" + compareColumn(c.key) + ") " + checkedOp(c.op) + " " + placeholder(c.value));
    }

    // Whole hours: a rollup row is in when its hour overlaps the range.
    void hours(const TraceFilter& filter)
    {
        if (filter.since)
            add("hour >= " + placeholder(std::int64_t{rollupHourOf(*filter.since)}));
        if (filter.until)
            add("hour < " + placeholder(std::int64_t{rollupHourOf(*filter.until - 1) + 1}));
    }

    // `+start_ns` keeps SQLite off the start index, for a first page in another order: walking that
    // order's index and stopping at the page's end beats sorting every trace of a month (3 ms, not 250).
    void times(const TraceFilter& filter, bool useStartIndex)
    {
        const std::string column = useStartIndex ? "start_ns" : "+start_ns";
        if (filter.since)
            add(column + " >= " + placeholder(std::int64_t{*filter.since}));
        if (filter.until)
            add(column + " < " + placeholder(std::int64_t{*filter.until}));
    }

    // Each word may match a different message of the trace.
    void text(const std::string& searchText)
    {
        for (const std::string& query : ftsQueries(searchText))
            add("rowid IN (SELECT trace_rowid FROM messages WHERE id IN "
                "(SELECT rowid FROM messages_fts WHERE messages_fts MATCH " +
                placeholder(query) + "))");
    }

    SqlWhere result() const { return where_; }

  private:
    std::string placeholders(const std::vector<const TraceFilter::Term*>& group)
    {
        std::string out;
        for (const TraceFilter::Term* term : group)
            out += (out.empty() ? "" : ", ") + placeholder(termValue(*term));
        return out;
    }

    SqlWhere where_;
};

// Rollup rows keep these dimensions and nothing finer.
constexpr std::string_view kRollupKeys[] = {"model", "provider", "route", "source", "user", "tag"};

std::string orderColumn(TraceOrderKey key)
{
    switch (key) {
    case TraceOrderKey::Duration:
        return "duration_ms";
    case TraceOrderKey::Cost:
        return "cost_usd";
    case TraceOrderKey::InputTokens:
        return "input_tokens";
    case TraceOrderKey::OutputTokens:
        return "output_tokens";
    case TraceOrderKey::Ttft:
        return "ttft_ms";
    case TraceOrderKey::Model:
        return "model";
    case TraceOrderKey::Start:
        break;
    }
    return "start_ns";
}

} // namespace

void SqlWhere::bindTo(sql::Statement& statement) const
{
    for (size_t i = 0; i < values.size(); ++i)
        statement.bind(static_cast<int>(i + 1), values[i]);
}

SqlWhere toSql(const TraceFilter& filter, bool useStartIndex)
{
    Builder builder;
    builder.terms(filter.terms);
    builder.compares(filter.compares);
    builder.times(filter, useStartIndex);
    builder.text(filter.text);
    return builder.result();
}

std::string rollupFilterProblem(const TraceFilter& filter)
{
    for (const TraceFilter::Term& term : filter.terms)
        if (std::find(std::begin(kRollupKeys), std::end(kRollupKeys), term.key) == std::end(kRollupKeys))
            return "'" + term.key + ":' is not kept in the hourly rollups; these panels filter by model, provider, "
                                    "route, source, user, tag and time";
    if (!filter.compares.empty())
        return "'" + filter.compares.front().key + filter.compares.front().op +
               "' is a per-trace comparison; these panels read hourly rollups";
    if (!filter.text.empty())
        return "text search needs the Traces panel; these panels read hourly rollups";
    return {};
}

SqlWhere toRollupSql(const TraceFilter& filter)
{
    if (const std::string problem = rollupFilterProblem(filter); !problem.empty())
        throw std::invalid_argument(problem);
    Builder builder;
    builder.terms(filter.terms);
    builder.hours(filter);
    return builder.result();
}

std::string toSql(TraceOrder order)
{
    const std::string direction = order.descending ? " DESC" : "";
    return " ORDER BY " + orderColumn(order.key) + direction + ", rowid" + direction;
}

} // namespace ts::filter
