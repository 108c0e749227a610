#include "guard/policy.h"

#include "guard/structured_detector.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>

namespace ts::guard {

namespace {

using nlohmann::json;

constexpr std::string_view kInjection = "injection";
constexpr std::string_view kLeak = "system_prompt_leak";
constexpr std::string_view kSchema = "schema";
constexpr std::string_view kBannedWords = "banned_words";
constexpr std::string_view kMaxLength = "max_length";

[[noreturn]] void refuse(const std::string& where, const std::string& what)
{
    throw std::invalid_argument("guard policy: " + where + ": " + what);
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::vector<std::string> stringList(const json& value, const std::string& where)
{
    if (!value.is_array())
        refuse(where, "expected a list of strings");
    std::vector<std::string> out;
    for (const json& v : value) {
        if (!v.is_string() || v.get<std::string>().empty())
            refuse(where, "expected a list of non-empty strings");
        out.push_back(v.get<std::string>());
    }
    return out;
}

// An action name, or an object with "action" and the settings in `allowed`.
Rule parseRule(const json& value, const std::string& where, std::initializer_list<std::string_view> allowed)
{
    Rule rule;
    const json* action = &value;
    if (value.is_object()) {
        for (const auto& [key, v] : value.items())
            if (key != "action" && std::find(allowed.begin(), allowed.end(), key) == allowed.end())
                refuse(where + "." + key, "not a setting of this rule");
        if (!value.contains("action"))
            refuse(where, "needs an \"action\"");
        action = &value["action"];
        if (value.contains("threshold")) {
            const json& t = value["threshold"];
            if (!t.is_number() || t.get<double>() < 0 || t.get<double>() > 1)
                refuse(where + ".threshold", "expected a number from 0 to 1");
            rule.threshold = t.get<double>();
        }
    }
    if (!action->is_string())
        refuse(where, "expected an action name or an object with \"action\"");
    const auto parsed = parseAction(action->get<std::string>());
    if (!parsed)
        refuse(where, "unknown action \"" + action->get<std::string>() +
                          "\" (block, redact, mask, hash, warn, log)");
    rule.action = *parsed;
    return rule;
}

void parseBannedWords(const json& value, const std::string& where, StagePolicy& stage)
{
    stage.bannedWords = parseRule(value, where, {"words", "topics"});
    if (value.contains("words"))
        stage.words = stringList(value["words"], where + ".words");
    if (value.contains("topics")) {
        if (!value["topics"].is_object())
            refuse(where + ".topics", "expected an object of topic name to word list");
        for (const auto& [topic, words] : value["topics"].items())
            stage.topics[topic] = stringList(words, where + ".topics." + topic);
    }
    if (stage.words.empty() && stage.topics.empty())
        refuse(where, "needs \"words\" or \"topics\"");
}

StagePolicy parseStage(const json& value, const std::string& where, bool output)
{
    if (!value.is_object())
        refuse(where, "expected an object of rule name to action");
    StagePolicy stage;
    for (const auto& [key, v] : value.items()) {
        const std::string at = where + "." + key;
        Category category;
        if (parseCategory(key, category) &&
            (category == Category::PersonalData || category == Category::Secret))
            stage.byCategory[category] = parseRule(v, at, {});
        else if (const auto& types = structuredTypes(); std::find(types.begin(), types.end(), key) != types.end())
            stage.byType[key] = parseRule(v, at, {});
        else if (key == kInjection)
            stage.injection = parseRule(v, at, {"threshold"});
        else if (output && key == kLeak)
            stage.systemPromptLeak = parseRule(v, at, {"threshold"});
        else if (output && key == kSchema)
            stage.schema = parseRule(v, at, {});
        else if (output && key == kBannedWords)
            parseBannedWords(v, at, stage);
        else if (output && key == kMaxLength) {
            stage.maxLength = parseRule(v, at, {"bytes"});
            if (!v.is_object() || !v.contains("bytes") || !v["bytes"].is_number_unsigned() ||
                v["bytes"].get<std::size_t>() == 0)
                refuse(at, "needs \"bytes\": a positive whole number");
            stage.maxBytes = v["bytes"].get<std::size_t>();
        } else
            refuse(at, "unknown rule; known " + std::string(output ? "output" : "input") +
                           " rules: " + joined(knownRuleNames(output)));
    }
    return stage;
}

json ruleJson(const Rule& rule, bool withThreshold)
{
    if (!withThreshold)
        return std::string(actionName(rule.action));
    return {{"action", actionName(rule.action)}, {"threshold", rule.threshold}};
}

json stageJson(const StagePolicy& stage)
{
    json out = json::object();
    for (const auto& [category, rule] : stage.byCategory)
        out[std::string(categoryName(category))] = ruleJson(rule, false);
    for (const auto& [type, rule] : stage.byType)
        out[type] = ruleJson(rule, false);
    if (stage.injection)
        out[std::string(kInjection)] = ruleJson(*stage.injection, true);
    if (stage.systemPromptLeak)
        out[std::string(kLeak)] = ruleJson(*stage.systemPromptLeak, true);
    if (stage.schema)
        out[std::string(kSchema)] = ruleJson(*stage.schema, false);
    if (stage.bannedWords) {
        json b{{"action", actionName(stage.bannedWords->action)}};
        if (!stage.words.empty())
            b["words"] = stage.words;
        if (!stage.topics.empty())
            b["topics"] = stage.topics;
        out[std::string(kBannedWords)] = b;
    }
    if (stage.maxLength)
        out[std::string(kMaxLength)] = {{"action", actionName(stage.maxLength->action)},
                                        {"bytes", stage.maxBytes}};
    return out;
}

} // namespace

bool StagePolicy::empty() const
{
    return !scansStructured() && !injection && !systemPromptLeak && !schema && !bannedWords && !maxLength;
}

const Rule* StagePolicy::ruleFor(const Finding& f) const
{
    if (auto t = byType.find(f.type); t != byType.end())
        return &t->second;
    if (auto c = byCategory.find(f.category); c != byCategory.end())
        return &c->second;
    return nullptr;
}

Policy defaultPolicy()
{
    Policy p;
    p.name = "default";
    p.input.byCategory[Category::PersonalData] = {Action::Redact, 0.5};
    p.input.byCategory[Category::Secret] = {Action::Redact, 0.5};
    p.input.injection = Rule{Action::Warn, 0.5};
    p.output.byCategory[Category::PersonalData] = {Action::Mask, 0.5};
    p.output.byCategory[Category::Secret] = {Action::Redact, 0.5};
    return p;
}

Policy parsePolicy(const json& value)
{
    if (!value.is_object())
        refuse("top level", "expected an object with \"input\" and/or \"output\"");
    Policy p;
    for (const auto& [key, v] : value.items()) {
        if (key == "name") {
            if (!v.is_string() || v.get<std::string>().empty())
                refuse("name", "expected a non-empty string");
            p.name = v.get<std::string>();
        } else if (key == "input")
            p.input = parseStage(v, "input", false);
        else if (key == "output")
            p.output = parseStage(v, "output", true);
        else
            refuse(key, "unknown section (name, input, output)");
    }
    return p;
}

Policy parsePolicyText(const std::string& text)
{
    json parsed;
    try {
        parsed = json::parse(text);
    } catch (const json::parse_error& e) {
        throw std::invalid_argument(std::string("guard policy: not JSON: ") + e.what());
    }
    return parsePolicy(parsed);
}

json policyToJson(const Policy& policy)
{
    json out{{"name", policy.name}};
    if (!policy.input.empty())
        out["input"] = stageJson(policy.input);
    if (!policy.output.empty())
        out["output"] = stageJson(policy.output);
    return out;
}

std::vector<std::string> knownRuleNames(bool output)
{
    std::vector<std::string> names{std::string(categoryName(Category::PersonalData)),
                                   std::string(categoryName(Category::Secret))};
    for (std::string_view t : structuredTypes())
        names.emplace_back(t);
    names.emplace_back(kInjection);
    if (output)
        for (std::string_view n : {kLeak, kSchema, kBannedWords, kMaxLength})
            names.emplace_back(n);
    return names;
}

} // namespace ts::guard
