#include "catalog/catalog_json.h"

#include "catalog/model_match.h"
#include "catalog/price_json.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <nlohmann/json.hpp>

namespace ts::catalog_json {

namespace {

using nlohmann::json;
using Reader = std::function<void(const json& value, const std::string& path, ModelInfo& model)>;

constexpr std::array<std::string_view, 6> kTokenizers = {
    "o200k_base", "cl100k_base", "estimate:claude", "estimate:gemini", "estimate:llama", "estimate:generic"};

std::string text(const json& value, const std::string& path)
{
    if (!value.is_string())
        throw EntryError(path + " must be a string" + got(value));
    return value.get<std::string>();
}

std::int64_t count(const json& value, const std::string& path)
{
    if (!value.is_number_integer() || value.get<std::int64_t>() < 0)
        throw EntryError(path + " must be a whole number ≥ 0" + got(value));
    return value.get<std::int64_t>();
}

std::vector<std::string> texts(const json& value, const std::string& path)
{
    if (!value.is_array())
        throw EntryError(path + " must be an array of strings" + got(value));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        out.push_back(text(value[i], path + "[" + std::to_string(i) + "]"));
        if (out.back().empty())
            throw EntryError(path + "[" + std::to_string(i) + "] must not be empty");
    }
    return out;
}

std::string date(const json& value, const std::string& path)
{
    std::string d = text(value, path);
    const bool ok = d.empty() || (d.size() == 10 && d[4] == '-' && d[7] == '-' &&
                                  std::all_of(d.begin(), d.end(), [](char c) {
                                      return c == '-' || std::isdigit(static_cast<unsigned char>(c));
                                  }));
    if (!ok)
        throw EntryError(path + " must be a date YYYY-MM-DD" + got(value));
    return d;
}

std::string tokenizer(const json& value, const std::string& path)
{
    std::string t = text(value, path);
    if (std::find(kTokenizers.begin(), kTokenizers.end(), t) == kTokenizers.end())
        throw EntryError(path +
                         " must be one of o200k_base, cl100k_base, estimate:claude, estimate:gemini, "
                         "estimate:llama, estimate:generic" +
                         got(value));
    return t;
}

std::vector<std::string> patterns(const json& value, const std::string& path)
{
    std::vector<std::string> out = texts(value, path);
    for (std::size_t i = 0; i < out.size(); ++i)
        if (std::string error = patternError(out[i]); !error.empty())
            throw EntryError(path + "[" + std::to_string(i) + "] is not a valid regex: " + error);
    return out;
}

double discount(const json& value, const std::string& path)
{
    if (!value.is_number() || value.get<double>() < 0 || value.get<double>() >= 1)
        throw EntryError(path + " must be a fraction from 0 up to 1 (0.5: half price)" + got(value));
    return value.get<double>();
}

const std::vector<std::pair<std::string_view, Reader>>& readers()
{
    static const std::vector<std::pair<std::string_view, Reader>> table = {
        {"id", [](const json& v, const std::string& p, ModelInfo& m) { m.id = text(v, p); }},
        {"provider",
         [](const json& v, const std::string& p, ModelInfo& m) { m.provider = asciiLower(text(v, p)); }},
        {"name", [](const json& v, const std::string& p, ModelInfo& m) { m.name = text(v, p); }},
        {"contextWindow",
         [](const json& v, const std::string& p, ModelInfo& m) { m.contextWindow = count(v, p); }},
        {"maxOutputTokens",
         [](const json& v, const std::string& p, ModelInfo& m) { m.maxOutputTokens = count(v, p); }},
        {"prices",
         [](const json& v, const std::string& p, ModelInfo& m) { price_json::apply(v, p, m.prices); }},
        {"batchDiscount",
         [](const json& v, const std::string& p, ModelInfo& m) { m.prices.batchDiscount = discount(v, p); }},
        {"tokenizer",
         [](const json& v, const std::string& p, ModelInfo& m) { m.tokenizer = tokenizer(v, p); }},
        {"source", [](const json& v, const std::string& p, ModelInfo& m) { m.source = text(v, p); }},
        {"sourceDate", [](const json& v, const std::string& p, ModelInfo& m) { m.sourceDate = date(v, p); }},
        {"prefixes", [](const json& v, const std::string& p, ModelInfo& m) { m.prefixes = texts(v, p); }},
        {"patterns", [](const json& v, const std::string& p, ModelInfo& m) { m.patterns = patterns(v, p); }},
        {"comment", [](const json&, const std::string&, ModelInfo&) {}},
    };
    return table;
}

std::string knownFields()
{
    std::string out;
    for (const auto& [name, reader] : readers())
        out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

} // namespace

void applyEntry(const json& entry, const std::string& where, ModelInfo& model)
{
    if (!entry.is_object())
        throw EntryError(where + " must be an object" + got(entry));
    const auto& table = readers();
    for (auto field = entry.begin(); field != entry.end(); ++field) {
        const std::string& key = field.key();
        auto reader = std::find_if(table.begin(), table.end(), [&key](const auto& r) { return r.first == key; });
        if (reader == table.end())
            throw EntryError(where + ": unknown field \"" + key + "\" (known: " + knownFields() + ")");
        reader->second(*field, where + "." + key, model);
    }
}

void requireComplete(const ModelInfo& model, const std::string& where, bool inputOnlyAllowed)
{
    if (model.id.empty())
        throw EntryError(where + " has no id");
    const std::string named = where + " (" + model.id + ")";
    if (model.provider.empty())
        throw EntryError(named + " has no provider");
    if (!model.prices.input || (!model.prices.output && !inputOnlyAllowed))
        throw EntryError(
            named + (inputOnlyAllowed ? " needs prices.input" : " needs prices.input and prices.output"));
}

std::string got(const json& value)
{
    constexpr std::size_t kMax = 40;
    std::string shown = value.dump(-1, ' ', false, json::error_handler_t::replace);
    if (shown.size() > kMax)
        shown = shown.substr(0, kMax) + "…";
    return " (got " + shown + ")";
}

} // namespace ts::catalog_json
