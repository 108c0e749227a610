#include "catalog/price_json.h"

#include "catalog/catalog_json.h"

#include <array>
#include <nlohmann/json.hpp>

namespace ts::price_json {

namespace {

using catalog_json::EntryError;
using catalog_json::got;
using nlohmann::json;

struct Field
{
    const char* name;
    std::optional<TieredPrice> Prices::*price;
};

constexpr std::array<Field, 6> kFields = {{
    {"input", &Prices::input},
    {"cachedInput", &Prices::cachedInput},
    {"cacheWrite5m", &Prices::cacheWrite5m},
    {"cacheWrite1h", &Prices::cacheWrite1h},
    {"output", &Prices::output},
    {"reasoning", &Prices::reasoning},
}};

double amount(const json& value, const std::string& path)
{
    if (!value.is_number() || value.get<double>() < 0)
        throw EntryError(path + " must be a number ≥ 0" + got(value));
    return value.get<double>();
}

TieredPrice::Tier tier(const json& value, const std::string& path)
{
    if (!value.is_object() || !value.contains("above") || !value.contains("perMTok") || value.size() != 2)
        throw EntryError(path + R"( must be {"above": tokens, "perMTok": price})" + got(value));
    const json& above = value["above"];
    if (!above.is_number_integer() || above.get<std::int64_t>() < 0)
        throw EntryError(path + ".above must be a whole number of tokens ≥ 0" + got(above));
    return {above.get<std::int64_t>(), amount(value["perMTok"], path + ".perMTok")};
}

TieredPrice tiered(const json& value, const std::string& path)
{
    if (!value.is_object())
        return amount(value, path);
    if (!value.contains("base") || !value.contains("tiers") || value.size() != 2)
        throw EntryError(path + R"( must be a number ≥ 0 or {"base": price, "tiers": [...]})" + got(value));
    TieredPrice p(amount(value["base"], path + ".base"));
    const json& tiers = value["tiers"];
    if (!tiers.is_array())
        throw EntryError(path + ".tiers must be an array" + got(tiers));
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        const std::string at = path + ".tiers[" + std::to_string(i) + "]";
        p.tiers.push_back(tier(tiers[i], at));
        if (i > 0 && p.tiers[i].aboveInputTokens <= p.tiers[i - 1].aboveInputTokens)
            throw EntryError(at + ".above must be larger than the tier before it");
    }
    return p;
}

const Field* fieldNamed(const std::string& name)
{
    for (const Field& f : kFields)
        if (name == f.name)
            return &f;
    return nullptr;
}

} // namespace

void apply(const json& prices, const std::string& path, Prices& out)
{
    if (!prices.is_object())
        throw EntryError(path + " must be an object" + got(prices));
    for (const auto& [name, value] : prices.items()) {
        const Field* field = fieldNamed(name);
        if (!field)
            throw EntryError(path + ": unknown price \"" + name +
                             "\" (known: input, cachedInput, cacheWrite5m, cacheWrite1h, output, reasoning)");
        if (value.is_null())
            (out.*field->price).reset();
        else
            out.*field->price = tiered(value, path + "." + name);
    }
}

} // namespace ts::price_json
