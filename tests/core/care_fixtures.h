#pragma once
#include "model/trace.h"
#include "trace/rollup.h"

#include <map>
#include <random>
#include <string>
#include <vector>

namespace ts::sql {
class Connection;
}

namespace ts::test {

// A trace with every rollup measure in play, chosen by rng: guard findings and blocks, cache hits
// with savings, a route that queued, streamed calls with a first token, refusals, a tool, errors,
// cached input tokens; one of a few models, providers, sources, users and tag sets, starting within
// `hours` hours after `base`. Its messages hold the search word `word`; it has a raw exchange.
Trace variedTrace(std::mt19937_64& rng, Nanos base, int hours, const std::string& word);

// Rows of every table that holds a part of a trace (the search index's documents included).
std::map<std::string, std::int64_t> tableCounts(sql::Connection& db);
// What those counts should be for a workspace holding exactly these traces.
std::map<std::string, std::int64_t> expectedCounts(const std::vector<Trace>& traces);

// The rollup rows as stored, and as rebuildRollups() makes them from the traces now stored (the
// rebuild is rolled back).
std::vector<RollupRow> storedRollups(sql::Connection& db, RollupDetail detail);
std::vector<RollupRow> rebuiltRollups(sql::Connection& db, RollupDetail detail);
// The first difference between two sets of rows in any column (sums of doubles agree within
// rounding), or "" when they agree.
std::string rollupDifference(const std::vector<RollupRow>& a, const std::vector<RollupRow>& b);
// Both rollup tables against a rebuild from the stored traces: "" or the first difference.
std::string rollupsDrift(const std::string& path);
// The measure columns that no row kept from `before` to `after` changed in: a deletion that
// exercised every column leaves none, so comparing its rows with a rebuild tests each subtraction.
std::vector<std::string> unexercisedColumns(const std::vector<RollupRow>& before,
                                            const std::vector<RollupRow>& after);

} // namespace ts::test
