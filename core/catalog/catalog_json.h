#pragma once
#include "catalog/model_info.h"

#include <nlohmann/json_fwd.hpp>
#include <stdexcept>
#include <string>

// One catalog entry as JSON: the schema of resources/catalog/models.json and of the override file.
namespace ts::catalog_json {

// A bad field of one entry. The message names it the way the user wrote it:
// models[3].prices.input must be a number ≥ 0 (got "abc")
class EntryError : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

// Lays the fields `entry` gives over `model` (a null price clears it). Throws EntryError naming the
// first bad field; `model` is then half-changed, so apply to a copy.
void applyEntry(const nlohmann::json& entry, const std::string& where, ModelInfo& model);

// Throws EntryError unless `model` has an id, a provider and input and output prices (input alone
// when `inputOnlyAllowed`: embeddings).
void requireComplete(const ModelInfo& model, const std::string& where, bool inputOnlyAllowed);

// " (got \"abc\")": the offending value, shortened.
std::string got(const nlohmann::json& value);

} // namespace ts::catalog_json
