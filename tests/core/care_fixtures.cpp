#include "care_fixtures.h"

#include "model/attributes.h"
#include "model/ids.h"
#include "trace/rollup_codec.h"
#include "trace/rollup_writer.h"
#include "trace/sqlite_connection.h"
#include "trace/sqlite_statement.h"
#include "trace/sqlite_transaction.h"

#include <cmath>
#include <functional>

namespace ts::test {

namespace {

constexpr Nanos kHourNs = 3'600'000'000'000;

template <typename T, size_t N> const T& pick(std::mt19937_64& rng, const T (&options)[N])
{
    return options[rng() % N];
}

bool chance(std::mt19937_64& rng, int percent)
{
    return static_cast<int>(rng() % 100) < percent;
}

// A child of `parent` over the given share (per mille) of the root's time.
Span child(const Span& root, const Span& parent, std::string name, std::string stage, int from, int to)
{
    const Nanos length = root.end - root.start;
    Span s;
    s.traceId = root.traceId;
    s.spanId = newSpanId();
    s.parentSpanId = parent.spanId;
    s.name = std::move(name);
    s.start = root.start + length * from / 1000;
    s.end = root.start + length * to / 1000;
    if (!stage.empty())
        s.attributes[std::string(attr::kStage)] = std::move(stage);
    return s;
}

Span rootOf(std::mt19937_64& rng, Nanos base, int hours, const std::string& traceId, const std::string& model)
{
    // Few values each, so that rows hold several traces and a deletion changes rows that stay.
    static const char* sources[] = {"gateway", "playground"};
    static const char* users[] = {"ada", "bob", ""};
    static const char* tags[] = {"", "rag", "rag,kb:docs"};
    Span root;
    root.traceId = traceId;
    root.spanId = newSpanId();
    root.name = "chat " + model;
    root.kind = SpanKind::Server;
    root.start = base + static_cast<Nanos>(rng() % static_cast<std::uint64_t>(hours * kHourNs));
    root.end =
        root.start + static_cast<Nanos>(200 + rng() % 4000) * kNsPerMs + static_cast<Nanos>(rng() % 1000);
    root.attributes = {{std::string(attr::kRequestModel), model},
                       {std::string(attr::kSource), std::string(pick(rng, sources))},
                       {std::string(attr::kUser), std::string(pick(rng, users))},
                       {std::string(attr::kTags), std::string(pick(rng, tags))}};
    if (chance(rng, 15)) {
        root.status = SpanStatus::Error;
        root.statusMessage = "upstream failed";
        root.attributes[std::string(attr::kErrorType)] = std::string("http.500");
    }
    return root;
}

Span callOf(std::mt19937_64& rng, const Span& root, const Span& route, const std::string& model)
{
    Span call = child(root, route, "chat " + model, "llm.call", 100, 840);
    call.kind = SpanKind::Client;
    call.attributes[std::string(attr::kRequestModel)] = model;
    call.attributes[std::string(attr::kProviderName)] =
        std::string(model.starts_with("claude") ? "anthropic" : "openai");
    call.attributes[std::string(attr::kInputTokens)] = static_cast<std::int64_t>(10 + rng() % 5000);
    call.attributes[std::string(attr::kOutputTokens)] = static_cast<std::int64_t>(rng() % 800);
    call.attributes[std::string(attr::kCacheReadTokens)] =
        static_cast<std::int64_t>(rng() % 3 ? 0 : rng() % 2000);
    call.attributes[std::string(attr::kCostUsd)] = static_cast<double>(rng() % 100000) / 1e7;
    if (chance(rng, 80))
        call.attributes[std::string(attr::kTimeToFirstChunk)] = static_cast<double>(rng() % 900) / 1000.0;
    call.attributes[std::string(attr::kRequestStream)] = chance(rng, 60);
    call.attributes[std::string(attr::kFinishReasons)] =
        std::vector<std::string>{chance(rng, 10) ? "content_filter" : "stop"};
    return call;
}

} // namespace

Trace variedTrace(std::mt19937_64& rng, Nanos base, int hours, const std::string& word)
{
    static const char* models[] = {"gpt-4o", "gpt-4o-mini", "claude-sonnet-4"};
    static const char* routes[] = {"", "support"};
    const std::string model = pick(rng, models);
    Trace trace;
    trace.traceId = newTraceId();
    const Span root = rootOf(rng, base, hours, trace.traceId, model);
    Span guardIn = child(root, root, "guard.input", "guard.input", 0, 20);
    guardIn.attributes[std::string(attr::kGuardFindings)] =
        static_cast<std::int64_t>(chance(rng, 30) ? 1 + rng() % 3 : 0);
    Span cache = child(root, root, "cache.lookup", "cache.lookup", 20, 40);
    if (chance(rng, 20)) {
        cache.attributes[std::string(attr::kCacheHit)] = true;
        cache.attributes[std::string(attr::kCacheSavedUsd)] = static_cast<double>(rng() % 1000) / 1e5;
    }
    Span route = child(root, root, "route", "route", 40, 840);
    route.attributes[std::string(attr::kRoute)] = std::string(pick(rng, routes));
    const Span call = callOf(rng, root, route, model);
    Span guardOut = child(root, root, "guard.output", "guard.output", 900, 950);
    guardOut.attributes["tokenscope.guard.blocked"] = chance(rng, 10);
    trace.spans = {root, guardIn, cache, route, call, guardOut};
    if (chance(rng, 30)) {
        Span tool = child(root, root, "execute_tool search", "", 840, 900);
        tool.attributes[std::string(attr::kToolName)] = std::string("search");
        trace.spans.push_back(tool);
    }
    trace.input = {Message{Role::System, "You are terse.", {}, {}, {}},
                   Message{Role::User, "Tell me about " + word + " please", {}, {}, {}}};
    trace.output = {Message{Role::Assistant, "Here is what I know of " + word + ".", {}, {}, {}}};
    Exchange exchange;
    exchange.spanId = call.spanId;
    exchange.url = "https://api.example.test/v1/chat/completions";
    exchange.requestBody = R"({"model":")" + model + R"(","q":")" + word + R"("})";
    exchange.httpStatus = root.status == SpanStatus::Error ? 500 : 200;
    exchange.chunks = {{call.start + 5, "data: {\"x\":\"" + word + "\"}\n\n"}};
    trace.exchanges = {exchange};
    return trace;
}

std::map<std::string, std::int64_t> tableCounts(sql::Connection& db)
{
    std::map<std::string, std::int64_t> counts;
    for (const char* table : {"traces", "spans", "messages", "exchanges", "messages_fts_docsize"})
        counts[table] = db.queryInt("SELECT count(*) FROM " + std::string(table));
    return counts;
}

std::map<std::string, std::int64_t> expectedCounts(const std::vector<Trace>& traces)
{
    std::map<std::string, std::int64_t> counts{
        {"traces", 0}, {"spans", 0}, {"messages", 0}, {"exchanges", 0}, {"messages_fts_docsize", 0}};
    for (const Trace& t : traces) {
        counts["traces"] += 1;
        counts["spans"] += static_cast<std::int64_t>(t.spans.size());
        counts["exchanges"] += static_cast<std::int64_t>(t.exchanges.size());
        for (const auto* list : {&t.input, &t.output})
            for (const Message& m : *list) {
                counts["messages"] += 1;
                counts["messages_fts_docsize"] += m.content.empty() ? 0 : 1;
            }
    }
    return counts;
}

std::vector<RollupRow> storedRollups(sql::Connection& db, RollupDetail detail)
{
    sql::Statement select(db, "SELECT " + std::string(codec::kRollupColumns) + " FROM " +
                                  std::string(rollupTable(detail)));
    std::vector<RollupRow> rows;
    while (select.step()) {
        RollupRow row;
        codec::readRollup(select, row);
        rows.push_back(row);
    }
    return rows;
}

std::vector<RollupRow> rebuiltRollups(sql::Connection& db, RollupDetail detail)
{
    sql::Transaction rebuild(db); // never committed
    rebuildRollups(db);
    return storedRollups(db, detail);
}

namespace {

struct Scalar
{
    const char* name;
    double (*value)(const RollupMeasures&);
    bool exact; // a count; the others are sums of doubles, equal within rounding
};

using M = RollupMeasures;
const Scalar kScalars[] = {
    {"requests", [](const M& m) { return double(m.requests); }, true},
    {"errors", [](const M& m) { return double(m.errors); }, true},
    {"refusals", [](const M& m) { return double(m.refusals); }, true},
    {"cache_hits", [](const M& m) { return double(m.cacheHits); }, true},
    {"guard_flagged", [](const M& m) { return double(m.guardFlagged); }, true},
    {"guard_blocked", [](const M& m) { return double(m.guardBlocked); }, true},
    {"streamed", [](const M& m) { return double(m.streamed); }, true},
    {"ttft_count", [](const M& m) { return double(m.ttftCount); }, true},
    {"input_tokens", [](const M& m) { return double(m.inputTokens); }, true},
    {"output_tokens", [](const M& m) { return double(m.outputTokens); }, true},
    {"cache_read_tokens", [](const M& m) { return double(m.cacheReadTokens); }, true},
    {"cost_usd", [](const M& m) { return m.costUsd; }, false},
    {"cache_saved_usd", [](const M& m) { return m.cacheSavedUsd; }, false},
    {"duration_ms", [](const M& m) { return m.durationMs; }, false},
    {"ttft_ms", [](const M& m) { return m.ttftMs; }, false},
    {"guard_ms", [](const M& m) { return m.phases.guardMs; }, false},
    {"cache_ms", [](const M& m) { return m.phases.cacheMs; }, false},
    {"queue_ms", [](const M& m) { return m.phases.queueMs; }, false},
    {"network_ms", [](const M& m) { return m.phases.networkMs; }, false},
    {"generation_ms", [](const M& m) { return m.phases.generationMs; }, false},
    {"tools_ms", [](const M& m) { return m.phases.toolsMs; }, false},
    {"other_ms", [](const M& m) { return m.phases.otherMs; }, false},
};

struct Histogram
{
    const char* name;
    LogHistogram::Sparse RollupMeasures::*member;
};

const Histogram kHistograms[] = {{"latency_hist", &M::latency},
                                 {"ttft_hist", &M::ttft},
                                 {"tpot_hist", &M::tpot},
                                 {"input_hist", &M::inputHist},
                                 {"output_hist", &M::outputHist}};

bool nearlyEqual(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

std::string keyText(const RollupKey& k)
{
    return "row (hour " + std::to_string(k.hour) + ", " + k.model + ", " + k.provider + ", route '" +
           k.route + "', " + k.source + ", user '" + k.user + "', tags '" + k.tags + "')";
}

std::string measureDifference(const RollupMeasures& a, const RollupMeasures& b)
{
    for (const Scalar& column : kScalars) {
        const double x = column.value(a), y = column.value(b);
        if (column.exact ? x != y : !nearlyEqual(x, y))
            return std::string(column.name) + " " + std::to_string(x) + " vs " + std::to_string(y);
    }
    for (const Histogram& column : kHistograms)
        if (a.*column.member != b.*column.member)
            return std::string(column.name) + " differs";
    return {};
}

std::map<RollupKey, RollupMeasures> byKey(const std::vector<RollupRow>& rows)
{
    std::map<RollupKey, RollupMeasures> out;
    for (const RollupRow& row : rows)
        out[row.key] = row.m;
    return out;
}

} // namespace

std::string rollupDifference(const std::vector<RollupRow>& a, const std::vector<RollupRow>& b)
{
    const auto left = byKey(a), right = byKey(b);
    for (const auto& [key, measures] : left) {
        const auto other = right.find(key);
        if (other == right.end())
            return keyText(key) + " only in the first";
        if (std::string diff = measureDifference(measures, other->second); !diff.empty())
            return keyText(key) + ": " + diff;
    }
    for (const auto& [key, measures] : right)
        if (!left.count(key))
            return keyText(key) + " only in the second";
    return {};
}

std::string rollupsDrift(const std::string& path)
{
    sql::Connection db(path, sql::Connection::Mode::ReadWrite);
    db.setBusyTimeout(5000);
    for (const RollupDetail detail : {RollupDetail::Full, RollupDetail::ModelLevel}) {
        const std::vector<RollupRow> stored = storedRollups(db, detail);
        if (std::string diff = rollupDifference(stored, rebuiltRollups(db, detail)); !diff.empty())
            return std::string(rollupTable(detail)) + " stored vs rebuilt: " + diff;
    }
    return {};
}

std::vector<std::string> unexercisedColumns(const std::vector<RollupRow>& before,
                                            const std::vector<RollupRow>& after)
{
    const auto was = byKey(before), is = byKey(after);
    std::vector<std::string> unexercised;
    auto anyRowChanged = [&](const auto& differs) {
        for (const auto& [key, measures] : is)
            if (const auto old = was.find(key); old != was.end() && differs(old->second, measures))
                return true;
        return false;
    };
    for (const Scalar& column : kScalars)
        if (!anyRowChanged(
                [&](const M& a, const M& b) { return !nearlyEqual(column.value(a), column.value(b)); }))
            unexercised.push_back(column.name);
    for (const Histogram& column : kHistograms)
        if (!anyRowChanged([&](const M& a, const M& b) { return a.*column.member != b.*column.member; }))
            unexercised.push_back(column.name);
    return unexercised;
}

} // namespace ts::test
