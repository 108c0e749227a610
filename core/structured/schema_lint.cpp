#include "structured/schema_lint.h"

#include "structured/schema_paths.h"
#include "structured/schema_pattern.h"

#include <nlohmann/json.hpp>

namespace ts::structured {

namespace {

using nlohmann::json;

constexpr const char* kTypeHint = " (use object, array, string, number, integer, boolean or null)";

class Linter
{
  public:
    Linter(const json& root, std::vector<std::string>& out) : root_(root), out_(out) {}

    void schema(const json& s, const std::string& path)
    {
        if (s.is_boolean())
            return;
        if (!s.is_object())
            return add(path, "a schema must be a JSON object (or true/false), not " + typeOf(s));
        if (const auto t = s.find("type"); t != s.end())
            type(*t, childPath(path, "type"));
        for (const char* key : {"properties", "$defs", "definitions"})
            if (const auto m = s.find(key); m != s.end())
                schemaMap(*m, childPath(path, key));
        for (const char* key : {"items", "additionalProperties", "not"})
            if (const auto sub = s.find(key); sub != s.end())
                schema(*sub, childPath(path, key));
        for (const char* key : {"anyOf", "allOf", "oneOf"})
            if (const auto list = s.find(key); list != s.end())
                schemaList(*list, childPath(path, key));
        keywords(s, path);
    }

  private:
    void add(const std::string& path, const std::string& message)
    {
        out_.push_back(shownPath(path) + ": " + message);
    }

    void type(const json& t, const std::string& path)
    {
        if (t.is_string() && !knownType(t.get<std::string>()))
            return add(path, t.dump() + " is not a type" + kTypeHint);
        if (t.is_string())
            return;
        if (!t.is_array() || t.empty())
            return add(path, std::string("must be a type name or a list of them") + kTypeHint);
        for (std::size_t i = 0; i < t.size(); ++i)
            if (!t[i].is_string() || !knownType(t[i].get<std::string>()))
                add(childPath(path, i), t[i].dump() + " is not a type" + kTypeHint);
    }

    void schemaMap(const json& m, const std::string& path)
    {
        if (!m.is_object())
            return add(path, "must be an object of named schemas");
        for (const auto& [name, sub] : m.items())
            schema(sub, childPath(path, name));
    }

    void schemaList(const json& list, const std::string& path)
    {
        if (!list.is_array() || list.empty())
            return add(path, "must be a non-empty list of schemas");
        for (std::size_t i = 0; i < list.size(); ++i)
            schema(list[i], childPath(path, i));
    }

    void keywords(const json& s, const std::string& path)
    {
        if (const auto r = s.find("required"); r != s.end() && !stringList(*r))
            add(childPath(path, "required"), "must be a list of property names");
        if (const auto e = s.find("enum"); e != s.end() && !e->is_array())
            add(childPath(path, "enum"), "must be a list of the allowed values");
        for (const char* key : {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"})
            if (const auto n = s.find(key); n != s.end() && !n->is_number())
                add(childPath(path, key), "must be a number");
        for (const char* key : {"minLength", "maxLength", "minItems", "maxItems"})
            if (const auto n = s.find(key);
                n != s.end() &&
                !(n->is_number_unsigned() || (n->is_number_integer() && n->get<long long>() >= 0)))
                add(childPath(path, key), "must be a whole number, 0 or more");
        if (const auto p = s.find("pattern"); p != s.end())
            pattern(*p, childPath(path, "pattern"));
        if (const auto r = s.find("$ref");
            r != s.end() && !(r->is_string() && resolveRef(root_, r->get<std::string>())))
            add(childPath(path, "$ref"), r->dump() + " points nowhere in this schema (use \"#/$defs/Name\")");
    }

    void pattern(const json& p, const std::string& path)
    {
        std::string error;
        if (!p.is_string())
            add(path, "must be a regular expression in a string");
        else if (!patternMatches(p.get<std::string>(), "", &error))
            add(path, "does not compile: " + error);
    }

    static bool stringList(const json& list)
    {
        return list.is_array() &&
               std::all_of(list.begin(), list.end(), [](const json& x) { return x.is_string(); });
    }

    const json& root_;
    std::vector<std::string>& out_;
};

} // namespace

std::vector<std::string> schemaProblems(const nlohmann::json& schema)
{
    std::vector<std::string> out;
    if (!schema.is_object())
        return {"the schema must be a JSON object, not " + typeOf(schema)};
    Linter(schema, out).schema(schema, "");
    return out;
}

} // namespace ts::structured
