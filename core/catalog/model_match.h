#pragma once
#include "catalog/model_info.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ts {

std::string asciiLower(std::string_view text);

// The match rules of a list of models, compiled once: ids and prefixes compared without case,
// patterns as caseless PCRE2 regexes. Immutable, so threads share it.
class ModelMatcher
{
  public:
    struct Hit
    {
        std::size_t model = 0;        // index into the list
        bool byPattern = false;       // a pattern matched (else a prefix)
        std::size_t prefixLength = 0; // the longest prefix that matched
    };

    // Patterns that do not compile are left out (catalog_json checks them while reading).
    explicit ModelMatcher(const std::vector<ModelInfo>& models);
    ~ModelMatcher();
    ModelMatcher(const ModelMatcher&) = delete;
    ModelMatcher& operator=(const ModelMatcher&) = delete;

    // Indices of the models with this id (lower case), in list order.
    std::vector<std::size_t> withId(std::string_view lowerId) const;
    // The models whose prefixes or patterns match the id (lower case), at most one hit per model.
    std::vector<Hit> hits(std::string_view lowerId) const;

  private:
    struct Pattern;
    std::unordered_multimap<std::string, std::size_t> ids_;
    std::vector<std::pair<std::string, std::size_t>> prefixes_;
    std::vector<Pattern> patterns_;
};

// Why a match pattern does not compile ("missing closing parenthesis at 7"), or empty when it does.
std::string patternError(std::string_view pattern);

} // namespace ts
