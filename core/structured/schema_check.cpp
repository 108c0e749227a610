#include "structured/schema_check.h"

#include "structured/schema_paths.h"
#include "structured/schema_pattern.h"

#include <nlohmann/json.hpp>

namespace ts::structured {

namespace {

using nlohmann::json;

constexpr int kMaxDepth = 64; // a $ref that refers to itself stops here
constexpr std::size_t kEnumShown = 5;

std::string listOf(const json& values)
{
    std::string out;
    for (std::size_t i = 0; i < values.size() && i < kEnumShown; ++i)
        out += (i ? ", " : "") + values[i].dump();
    return values.size() > kEnumShown ? out + ", …" : out;
}

std::string typesOf(const json& type)
{
    if (!type.is_array())
        return type.get<std::string>();
    std::string out;
    for (std::size_t i = 0; i < type.size(); ++i)
        out += (i == 0 ? "" : i + 1 == type.size() ? " or " : ", ") + type[i].get<std::string>();
    return out;
}

std::size_t codePoints(const std::string& s)
{
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

class Checker
{
  public:
    Checker(const json& root, std::vector<Violation>& out) : root_(root), out_(out) {}

    void check(const json& v, const json& s, const std::string& path, int depth)
    {
        if (s.is_boolean()) {
            if (!s.get<bool>())
                add(path, "no value is allowed here");
            return;
        }
        if (!s.is_object())
            return;
        if (depth > kMaxDepth)
            return add(path, "the schema nests too deeply (a $ref loop?)");
        if (s.contains("$ref") && !checkRef(v, s["$ref"], path, depth))
            return;
        if (!checkType(v, s, path))
            return; // the other keywords would only repeat the mismatch
        checkValues(v, s, path);
        checkCombinators(v, s, path, depth);
        if (v.is_object())
            checkObject(v, s, path, depth);
        else if (v.is_array())
            checkArray(v, s, path, depth);
        else if (v.is_string())
            checkString(v.get<std::string>(), s, path);
        else if (v.is_number())
            checkNumber(v, s, path);
    }

  private:
    void add(const std::string& path, std::string message) { out_.push_back({path, std::move(message)}); }

    bool checkRef(const json& v, const json& ref, const std::string& path, int depth)
    {
        const json* target = ref.is_string() ? resolveRef(root_, ref.get<std::string>()) : nullptr;
        if (!target) {
            add(path, "the schema's $ref " + ref.dump() + " points nowhere");
            return false;
        }
        check(v, *target, path, depth + 1);
        return true;
    }

    bool checkType(const json& v, const json& s, const std::string& path)
    {
        const auto type = s.find("type");
        if (type == s.end() || !(type->is_string() || type->is_array()))
            return true;
        if (type->is_string() && hasType(v, type->get<std::string>()))
            return true;
        if (type->is_array())
            for (const json& t : *type)
                if (t.is_string() && hasType(v, t.get<std::string>()))
                    return true;
        add(path, "expected " + typesOf(*type) + ", got " + typeOf(v));
        return false;
    }

    void checkValues(const json& v, const json& s, const std::string& path)
    {
        const auto options = s.find("enum");
        if (options != s.end() && options->is_array() &&
            std::find(options->begin(), options->end(), v) == options->end())
            add(path, "expected one of " + listOf(*options) + ", got " + v.dump());
        const auto constant = s.find("const");
        if (constant != s.end() && *constant != v)
            add(path, "expected " + constant->dump() + ", got " + v.dump());
    }

    std::vector<std::vector<Violation>> branches(const json& v, const json& list, const std::string& path,
                                                 int depth)
    {
        std::vector<std::vector<Violation>> out;
        for (const json& branch : list) {
            out.emplace_back();
            Checker(root_, out.back()).check(v, branch, path, depth + 1);
        }
        return out;
    }

    void checkCombinators(const json& v, const json& s, const std::string& path, int depth)
    {
        if (const auto all = s.find("allOf"); all != s.end() && all->is_array())
            for (const json& branch : *all)
                check(v, branch, path, depth + 1);
        if (const auto any = s.find("anyOf"); any != s.end() && any->is_array())
            checkAlternatives(branches(v, *any, path, depth), "anyOf", false, path);
        if (const auto one = s.find("oneOf"); one != s.end() && one->is_array())
            checkAlternatives(branches(v, *one, path, depth), "oneOf", true, path);
    }

    void checkAlternatives(const std::vector<std::vector<Violation>>& results, const char* keyword,
                           bool exactlyOne, const std::string& path)
    {
        const auto passed =
            std::count_if(results.begin(), results.end(), [](const auto& r) { return r.empty(); });
        if (passed > 1 && exactlyOne)
            return add(path, "matches " + std::to_string(passed) + " of the " + keyword +
                                 " alternatives, not exactly one");
        if (passed > 0 || results.empty())
            return;
        const auto closest = std::min_element(
            results.begin(), results.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
        add(path, "matches none of the " + std::to_string(results.size()) + " " + keyword +
                      " alternatives (closest: " + closest->front().text() + ")");
    }

    void checkObject(const json& v, const json& s, const std::string& path, int depth)
    {
        const json* properties =
            s.contains("properties") && s["properties"].is_object() ? &s["properties"] : nullptr;
        if (const auto required = s.find("required"); required != s.end() && required->is_array())
            for (const json& name : *required)
                if (name.is_string() && !v.contains(name.get<std::string>()))
                    add(path, "missing required property " + name.dump());
        const auto additional = s.find("additionalProperties");
        for (const auto& [key, member] : v.items()) {
            const std::string at = childPath(path, key);
            if (properties && properties->contains(key))
                check(member, (*properties)[key], at, depth + 1);
            else if (additional != s.end() && additional->is_boolean() && !additional->get<bool>())
                add(at, "property not allowed (additionalProperties is false)");
            else if (additional != s.end() && additional->is_object())
                check(member, *additional, at, depth + 1);
        }
    }

    void checkArray(const json& v, const json& s, const std::string& path, int depth)
    {
        checkCount(v.size(), s, "minItems", "maxItems", "items", path);
        if (const auto items = s.find("items");
            items != s.end() && (items->is_object() || items->is_boolean()))
            for (std::size_t i = 0; i < v.size(); ++i)
                check(v[i], *items, childPath(path, i), depth + 1);
    }

    void checkString(const std::string& text, const json& s, const std::string& path)
    {
        checkCount(codePoints(text), s, "minLength", "maxLength", "characters", path);
        const auto pattern = s.find("pattern");
        if (pattern == s.end() || !pattern->is_string())
            return;
        std::string error;
        const auto matched = patternMatches(pattern->get<std::string>(), text, &error);
        if (!matched)
            add(path, "the schema's pattern " + pattern->dump() + " does not compile: " + error);
        else if (!*matched)
            add(path, "does not match the pattern " + pattern->dump());
    }

    void checkCount(std::size_t n, const json& s, const char* minKey, const char* maxKey, const char* unit,
                    const std::string& path)
    {
        const auto min = s.find(minKey);
        if (min != s.end() && min->is_number() && static_cast<double>(n) < min->get<double>())
            add(path, "expected at least " + min->dump() + " " + unit + ", got " + std::to_string(n));
        const auto max = s.find(maxKey);
        if (max != s.end() && max->is_number() && static_cast<double>(n) > max->get<double>())
            add(path, "expected at most " + max->dump() + " " + unit + ", got " + std::to_string(n));
    }

    void checkNumber(const json& v, const json& s, const std::string& path)
    {
        const double x = v.get<double>();
        bound(s, "minimum", path, v, "at least", [x](double b) { return x >= b; });
        bound(s, "maximum", path, v, "at most", [x](double b) { return x <= b; });
        bound(s, "exclusiveMinimum", path, v, "more than", [x](double b) { return x > b; });
        bound(s, "exclusiveMaximum", path, v, "less than", [x](double b) { return x < b; });
    }

    template <typename Ok>
    void bound(const json& s, const char* key, const std::string& path, const json& v, const char* words,
               Ok ok)
    {
        const auto b = s.find(key);
        if (b != s.end() && b->is_number() && !ok(b->get<double>()))
            add(path, std::string("expected ") + words + " " + b->dump() + ", got " + v.dump());
    }

    const json& root_;
    std::vector<Violation>& out_;
};

} // namespace

std::string Violation::text() const
{
    return shownPath(path) + ": " + message;
}

std::vector<Violation> checkValue(const nlohmann::json& value, const nlohmann::json& schema)
{
    std::vector<Violation> out;
    Checker(schema, out).check(value, schema, "", 0);
    return out;
}

} // namespace ts::structured
