#include "catalog/catalog.h"

#include "catalog/catalog_error.h"
#include "catalog/catalog_json.h"
#include "catalog/json_lines.h"
#include "catalog/model_match.h"
#include "catalog/shipped_catalog.h"

#include <nlohmann/json.hpp>

namespace ts {

namespace {

using nlohmann::json;

[[noreturn]] void fail(std::string_view file, int line, const std::string& message)
{
    throw CatalogError(describeIssue({std::string(file), line, message}));
}

json parse(std::string_view text, std::string_view file)
{
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        fail(file, json_lines::lineAt(text, e.byte > 0 ? e.byte - 1 : 0),
             "invalid JSON: " + json_lines::syntaxProblem(e.what()));
    }
}

std::string textField(const json& doc, const char* key)
{
    auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

std::string describeIssue(const CatalogIssue& issue)
{
    std::string where = issue.file;
    if (issue.line > 0)
        where += ":" + std::to_string(issue.line);
    return where.empty() ? issue.message : where + ": " + issue.message;
}

Catalog::Catalog(std::vector<ModelInfo> models, std::vector<CatalogIssue> issues)
    : models_(std::move(models)), issues_(std::move(issues)),
      matcher_(std::make_shared<const ModelMatcher>(models_))
{
}

const Catalog& Catalog::builtin()
{
    static const Catalog catalog = fromJson(shippedCatalogJson(), "resources/catalog/models.json");
    return catalog;
}

Catalog Catalog::fromJson(std::string_view text, std::string_view fileName)
{
    const json doc = parse(text, fileName);
    if (!doc.is_object() || !doc.contains("models") || !doc["models"].is_array())
        fail(fileName, 1, R"(a catalog must be an object with a "models" array)");
    if (auto format = doc.find("format"); format == doc.end() || *format != 1)
        fail(fileName, 1, "unknown catalog format (this version reads \"format\": 1)");
    const std::vector<int> lines = json_lines::elementLines(text, "models");
    const json& list = doc["models"];
    std::vector<ModelInfo> models;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string where = "models[" + std::to_string(i) + "]";
        ModelInfo& m = models.emplace_back();
        m.origin = "shipped";
        try {
            catalog_json::applyEntry(list[i], where, m);
            catalog_json::requireComplete(m, where, /*inputOnlyAllowed=*/true);
        } catch (const catalog_json::EntryError& e) {
            fail(fileName, i < lines.size() ? lines[i] : 0, e.what());
        }
    }
    Catalog catalog(std::move(models));
    catalog.snapshotSource_ = textField(doc, "source") + ", " + textField(doc, "generated");
    return catalog;
}

} // namespace ts
