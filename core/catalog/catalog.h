#pragma once
#include "catalog/model_info.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts {

// One problem found while reading a catalog or override file; the line is 1-based (0: whole file).
struct CatalogIssue
{
    std::string file;
    int line = 0;
    std::string message;
};

// "file:line: message" (the line left out when it is 0), for the CLI and the UI.
std::string describeIssue(const CatalogIssue& issue);

class ModelMatcher;

// The model catalog: the snapshot shipped in resources/catalog/models.json (compiled in, so it is
// always there), with the user's override file laid over it. Immutable once built; share it.
class Catalog
{
public:
    // The shipped snapshot alone.
    static const Catalog& builtin();
    // The shipped snapshot with the user's override file (overridesPath()) applied, re-read when
    // the file changes on disk. A malformed file leaves the shipped catalog in force and is
    // reported through issues().
    static std::shared_ptr<const Catalog> current();

    explicit Catalog(std::vector<ModelInfo> models, std::vector<CatalogIssue> issues = {});
    // Parses a catalog document (the shipped format). Throws CatalogError with the line on failure.
    static Catalog fromJson(std::string_view json, std::string_view fileName);
    // The shipped catalog with an override document applied. Never throws: a malformed document
    // (or a malformed entry in it) is skipped and reported in issues() with its line.
    Catalog withOverrides(std::string_view overrideJson, std::string_view fileName) const;

    // Resolution: provider-qualified ids ("openai/gpt-4o") pin the provider; otherwise an exact
    // id, then the entries' match rules (prefixes, dated snapshots), preferring the given
    // provider, then first-party providers over resellers. nullptr when nothing matches.
    const ModelInfo* find(std::string_view modelId, std::string_view provider = {}) const;
    // Up to `limit` known ids closest to an unknown one (edit distance and shared prefix).
    std::vector<std::string> nearest(std::string_view modelId, std::size_t limit = 3) const;

    const std::vector<ModelInfo>& models() const { return models_; }
    const std::vector<CatalogIssue>& issues() const { return issues_; }
    // "@pydantic/genai-prices 0.1.8 (MIT), 2026-11-20" from the shipped document's header.
    const std::string& snapshotSource() const { return snapshotSource_; }

private:
    std::vector<ModelInfo> models_;
    std::vector<CatalogIssue> issues_;
    std::string snapshotSource_;
    std::shared_ptr<const ModelMatcher> matcher_; // the match rules of models_, compiled once

    const ModelInfo* lookup(std::string_view modelId, std::string_view pinned, std::string_view preferred) const;
};

// $XDG_CONFIG_HOME/tokenscope/catalog-overrides.json (or ~/.config/...); TOKENSCOPE_CATALOG_OVERRIDES
// replaces the path (tests, CI).
std::string overridesPath();

} // namespace ts
