#include "prompts/version_changes.h"

#include <set>
#include <sstream>

namespace ts::prompts {

namespace {

const std::string kUnset = "\u2014";

template <class T>
std::string text(const std::optional<T>& value)
{
    if (!value)
        return kUnset;
    std::ostringstream out;
    out << *value;
    return out.str();
}

std::string formatText(const ResponseFormat& f)
{
    switch (f.type) {
    case ResponseFormat::Type::JsonObject:
        return "JSON object";
    case ResponseFormat::Type::JsonSchema:
        return "JSON schema " + (f.name.empty() ? std::string() : f.name + " ") + (f.strict ? "(strict)" : "");
    case ResponseFormat::Type::Text:
        break;
    }
    return "text";
}

std::string toolsText(const std::vector<ToolDefinition>& tools)
{
    std::string out;
    for (const ToolDefinition& tool : tools)
        out += (out.empty() ? "" : ", ") + tool.name;
    return out.empty() ? kUnset : out;
}

std::string orUnset(const std::string& s)
{
    return s.empty() ? kUnset : s;
}

class Changes
{
  public:
    // Equal texts for unequal values (a schema edited, a tool's parameters changed) still show.
    void add(const std::string& setting, std::string before, std::string after, bool differ)
    {
        if (!differ)
            return;
        if (before == after)
            after += " (edited)";
        list.push_back({setting, std::move(before), std::move(after)});
    }
    std::vector<SettingChange> list;
};

void addVariables(Changes& changes, const VariableValues& a, const VariableValues& b)
{
    std::set<std::string> names;
    for (const auto& [name, value] : a)
        names.insert(name);
    for (const auto& [name, value] : b)
        names.insert(name);
    for (const std::string& name : names) {
        const auto x = a.find(name);
        const auto y = b.find(name);
        const std::string before = x == a.end() ? kUnset : x->second;
        const std::string after = y == b.end() ? kUnset : y->second;
        changes.add("Variable {{" + name + "}}", before, after, before != after);
    }
}

} // namespace

std::vector<SettingChange> settingChanges(const PromptVersion& before, const PromptVersion& after)
{
    const PromptContent& a = before.content;
    const PromptContent& b = after.content;
    Changes changes;
    changes.add("Provider", orUnset(a.provider), orUnset(b.provider), a.provider != b.provider);
    changes.add("Model", orUnset(a.model), orUnset(b.model), a.model != b.model);
    changes.add("Temperature", text(a.params.temperature), text(b.params.temperature),
                a.params.temperature != b.params.temperature);
    changes.add("Top p", text(a.params.topP), text(b.params.topP), a.params.topP != b.params.topP);
    changes.add("Max tokens", text(a.params.maxTokens), text(b.params.maxTokens),
                a.params.maxTokens != b.params.maxTokens);
    changes.add("Seed", text(a.params.seed), text(b.params.seed), a.params.seed != b.params.seed);
    changes.add("Response format", formatText(a.params.responseFormat), formatText(b.params.responseFormat),
                a.params.responseFormat != b.params.responseFormat);
    changes.add("Tools", toolsText(a.params.tools), toolsText(b.params.tools), a.params.tools != b.params.tools);
    addVariables(changes, before.variables, after.variables);
    return changes.list;
}

} // namespace ts::prompts
