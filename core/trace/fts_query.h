#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ts::filter {

// One FTS5 query per search word or "quoted phrase" of the text, each a quoted FTS5 string
// (a trailing * on a bare word keeps its prefix meaning), so no user text can change the
// query's syntax. Words with nothing to index (punctuation only) are left out.
std::vector<std::string> ftsQueries(std::string_view searchText);

} // namespace ts::filter
