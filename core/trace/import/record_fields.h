#pragma once
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Reading fields out of exported log records, which spell the same thing several ways: the
// Langfuse API writes startTime where its blob export writes start_time, LangSmith writes a cost
// as a decimal string, and either may write null where a field is absent.
namespace ts::import {

// Parses one record's text into out; "" or "not JSON: <where and why>".
std::string parseRecord(std::string_view text, nlohmann::json& out);
// The same, for formats whose every record is one object: "not a JSON object but an array" too.
std::string parseObject(std::string_view text, nlohmann::json& out);

// The value of the first of `keys` that the object holds and that is not null; nullptr when none.
const nlohmann::json* fieldOf(const nlohmann::json& object, std::initializer_list<const char*> keys);

// Whether the object holds `key` as a string.
bool hasString(const nlohmann::json& object, std::string_view key);

// A string field ("" when absent or not a string).
std::string textField(const nlohmann::json& object, std::initializer_list<const char*> keys);

// A whole number written as a number or as decimal text; nullopt otherwise.
std::optional<std::int64_t> countOf(const nlohmann::json* value);
// A number written as a number or as decimal text (LangSmith's Decimal costs); nullopt otherwise.
std::optional<double> amountOf(const nlohmann::json* value);

// Exports keep a payload that was JSON as its text ("[{\"role\":...}]"): such text is parsed back,
// anything else is returned as it is.
nlohmann::json unwrapJsonText(const nlohmann::json& value);

// A list of tags as Tokenscope keeps them: comma-separated.
std::string joinedTags(const nlohmann::json* tags);

// The reasons the parts of one record (a page's elements, a trace's observations) were skipped,
// as the one reason the importer reports for that record.
std::string joinedReasons(const std::vector<std::string>& reasons);

} // namespace ts::import
