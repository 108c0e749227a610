#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ts::json_lines {

// The 1-based line of the byte at `offset` (the end of the text when past it).
int lineAt(std::string_view text, std::size_t offset);

// The line of each element of the array under `key` in the top-level object, in order; for
// valid JSON only (parse it first).
std::vector<int> elementLines(std::string_view text, std::string_view key);

// nlohmann's parse_error message without its "[json.exception...] parse error at line 3, column 5: "
// head, which repeats what the line says.
std::string syntaxProblem(std::string_view what);

} // namespace ts::json_lines
