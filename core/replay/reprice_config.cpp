#include "replay/reprice_config.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace ts::replay {

namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& where, const std::string& what)
{
    throw std::invalid_argument(where + ": " + what);
}

std::string text(const json& entry, const char* key, const std::string& where)
{
    const json& v = entry.at(key);
    if (!v.is_string() || v.get<std::string>().empty())
        fail(where, std::string("\"") + key + "\" must be a non-empty string");
    return v.get<std::string>();
}

std::int64_t positive(const json& object, const char* key, std::int64_t fallback, const std::string& where)
{
    if (!object.contains(key))
        return fallback;
    const json& v = object[key];
    if (!v.is_number_integer() || v.get<std::int64_t>() < 0)
        fail(where, std::string("\"") + key + "\" must be a whole number of zero or more");
    return v.get<std::int64_t>();
}

PromptCaching promptCaching(const json& v, const std::string& where)
{
    PromptCaching p;
    if (v.is_boolean()) {
        if (!v.get<bool>())
            fail(where, "\"prompt_caching\": false is the same as leaving it out");
        return p;
    }
    if (!v.is_object())
        fail(where, "\"prompt_caching\" must be true or {\"ttl_s\": N, \"min_tokens\": N}");
    for (const auto& [key, value] : v.items())
        if (key != "ttl_s" && key != "min_tokens")
            fail(where, "\"prompt_caching\" has no field \"" + key + "\" (ttl_s, min_tokens)");
    p.ttlSeconds = positive(v, "ttl_s", p.ttlSeconds, where + " prompt_caching");
    p.minTokens = positive(v, "min_tokens", p.minTokens, where + " prompt_caching");
    if (p.ttlSeconds == 0)
        fail(where, "\"prompt_caching\".\"ttl_s\" must be above 0");
    return p;
}

Alternative alternative(const json& entry, std::size_t index)
{
    std::string where = "reprice[" + std::to_string(index) + "]";
    if (!entry.is_object())
        fail(where, "each alternative is an object with a \"name\"");
    if (!entry.contains("name"))
        fail(where, "\"name\" is missing");
    Alternative a;
    a.name = text(entry, "name", where);
    where += " (\"" + a.name + "\")";
    for (const auto& [key, value] : entry.items()) {
        if (key == "name")
            continue;
        if (key == "model")
            a.model = text(entry, "model", where);
        else if (key == "from") {
            if (!value.is_array())
                fail(where, "\"from\" must be a list of model names");
            for (const json& m : value) {
                if (!m.is_string() || m.get<std::string>().empty())
                    fail(where, "\"from\" must be a list of model names");
                a.from.push_back(m.get<std::string>());
            }
        } else if (key == "batch") {
            if (!value.is_boolean())
                fail(where, "\"batch\" must be true or false");
            a.batch = value.get<bool>();
        } else if (key == "prompt_caching")
            a.promptCaching = promptCaching(value, where);
        else
            fail(where, "unknown field \"" + key + "\" (name, model, from, batch, prompt_caching)");
    }
    if (!a.from.empty() && !a.model)
        fail(where, "\"from\" needs a \"model\" to move those calls to");
    return a;
}

} // namespace

RepriceConfig parseRepriceConfig(std::string_view text)
{
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded())
        throw std::invalid_argument("not valid JSON");
    if (!doc.is_object() || !doc.contains("reprice"))
        throw std::invalid_argument("no \"reprice\" list (see tokenscope-cli replay --help)");
    const json& list = doc["reprice"];
    if (!list.is_array() || list.empty())
        throw std::invalid_argument("\"reprice\" must be a non-empty list of alternatives");
    RepriceConfig config;
    for (std::size_t i = 0; i < list.size(); ++i) {
        config.alternatives.push_back(alternative(list[i], i));
        for (std::size_t j = 0; j < i; ++j)
            if (config.alternatives[j].name == config.alternatives[i].name)
                fail("reprice[" + std::to_string(i) + "]", "another alternative is already named \"" +
                                                              config.alternatives[i].name + "\"");
    }
    return config;
}

std::string repriceConfigToJson(const RepriceConfig& config)
{
    json list = json::array();
    for (const Alternative& a : config.alternatives) {
        json entry{{"name", a.name}};
        if (a.model)
            entry["model"] = *a.model;
        if (!a.from.empty())
            entry["from"] = a.from;
        if (a.batch)
            entry["batch"] = true;
        if (a.promptCaching)
            entry["prompt_caching"] = {{"ttl_s", a.promptCaching->ttlSeconds}, {"min_tokens", a.promptCaching->minTokens}};
        list.push_back(std::move(entry));
    }
    return json{{"reprice", list}}.dump(2) + "\n";
}

} // namespace ts::replay
