// Catalog::withOverrides: the user's override file laid over the catalog, entry by entry.
#include "catalog/catalog.h"
#include "catalog/catalog_json.h"
#include "catalog/json_lines.h"
#include "catalog/model_match.h"

#include <nlohmann/json.hpp>

namespace ts {

namespace {

using catalog_json::EntryError;
using catalog_json::got;
using nlohmann::json;

const std::string kFileIgnored = "; nothing in the file was applied";

ModelInfo* existingModel(std::vector<ModelInfo>& models, const std::string& id, const std::string& provider)
{
    const std::string lower = asciiLower(id);
    for (ModelInfo& m : models)
        if (asciiLower(m.id) == lower && (provider.empty() || m.provider == provider))
            return &m;
    return nullptr;
}

ModelInfo newModel(const std::string& file)
{
    ModelInfo m;
    m.provider = "custom";
    m.tokenizer = "estimate:generic";
    m.source = file;
    return m;
}

// Applies one entry to `models`: a known id (and provider, when given) has the given fields
// replaced, a new id is added. Throws EntryError, leaving `models` as it was.
void applyOverride(const json& entry, const std::string& where, const std::string& file,
                   std::vector<ModelInfo>& models)
{
    if (!entry.is_object())
        throw EntryError(where + " must be an object" + got(entry));
    const auto id = entry.find("id");
    if (id == entry.end())
        throw EntryError(where + " has no id");
    if (!id->is_string() || id->get<std::string>().empty())
        throw EntryError(where + ".id must be a model id" + got(*id));
    const auto provider = entry.find("provider");
    ModelInfo* existing = existingModel(
        models, id->get<std::string>(),
        provider != entry.end() && provider->is_string() ? asciiLower(provider->get<std::string>()) : "");
    ModelInfo m = existing ? *existing : newModel(file);
    catalog_json::applyEntry(entry, where, m);
    m.origin = file;
    if (m.name.empty())
        m.name = m.id;
    // Prices changed without a source of their own: the file is their source.
    if (existing && entry.contains("prices") && !entry.contains("source")) {
        m.source = file;
        if (!entry.contains("sourceDate"))
            m.sourceDate.clear();
    }
    if (existing) {
        *existing = std::move(m);
        return;
    }
    catalog_json::requireComplete(m, where, /*inputOnlyAllowed=*/false);
    models.push_back(std::move(m));
}

} // namespace

Catalog Catalog::withOverrides(std::string_view overrideJson, std::string_view fileName) const
{
    const std::string file(fileName);
    Catalog out = *this;
    json doc;
    try {
        doc = json::parse(overrideJson);
    } catch (const json::parse_error& e) {
        const int line = json_lines::lineAt(overrideJson, e.byte > 0 ? e.byte - 1 : 0);
        out.issues_.push_back(
            {file, line, "invalid JSON: " + json_lines::syntaxProblem(e.what()) + kFileIgnored});
        return out;
    }
    if (!doc.is_object() || !doc.contains("models") || !doc["models"].is_array()) {
        out.issues_.push_back(
            {file, 1,
             R"(the file must be an object with a "models" array: {"models": [{"id": ...}]})" +
                 kFileIgnored});
        return out;
    }
    const std::vector<int> lines = json_lines::elementLines(overrideJson, "models");
    const json& list = doc["models"];
    std::vector<ModelInfo> models = models_;
    std::vector<CatalogIssue> issues = issues_;
    for (std::size_t i = 0; i < list.size(); ++i) {
        try {
            applyOverride(list[i], "models[" + std::to_string(i) + "]", file, models);
        } catch (const EntryError& e) {
            issues.push_back({file, i < lines.size() ? lines[i] : 0, e.what()});
        }
    }
    Catalog result(std::move(models), std::move(issues));
    result.snapshotSource_ = snapshotSource_;
    return result;
}

} // namespace ts
