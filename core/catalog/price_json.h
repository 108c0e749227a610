#pragma once
#include "catalog/model_info.h"

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace ts::price_json {

// Sets the prices that `prices` (an entry's "prices" object, named `path` in messages) gives: each a
// number ≥ 0 per million tokens or {"base": 1.25, "tiers": [{"above": 200000, "perMTok": 2.5}]};
// null clears one. Throws catalog_json::EntryError naming the bad field.
void apply(const nlohmann::json& prices, const std::string& path, Prices& out);

} // namespace ts::price_json
