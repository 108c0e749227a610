#pragma once
#include "providers/embedder.h"

#include <string_view>
#include <vector>

namespace ts::cache {

inline constexpr int kLexicalDimensions = 512;

// A vector of the words and spellings in a text, not of its meaning: hashed word unigrams, word
// bigrams and character 3- and 4-grams of the words (lexicalWords), each kind weighted with sublinear
// term frequency (1 + ln tf), signed-hashed into `dimensions` buckets, normalised on its own, then
// mixed (kLexicalMix in the .cpp) and L2-normalised. Deterministic: the same text always gets the
// same vector, on any machine. All zeros for a text with no words.
std::vector<float> lexicalVector(std::string_view text, int dimensions = kLexicalDimensions);

// The built-in embedder: no network, no model file. It catches rewordings that share words or
// spellings ("capital of France" / "France's capital city") and misses those that do not ("car" /
// "automobile"); a changed key word ("France" / "Germany") lowers the score only as far as that
// word's share of the text, which is why its threshold (semantic_threshold.h) is high.
class LexicalEmbedder final : public Embedder
{
  public:
    std::string id() const override { return "lexical"; }
    std::variant<Embeddings, ProviderError> embed(const std::vector<std::string>& texts,
                                                  const CancelToken* cancel = nullptr) override;
};

} // namespace ts::cache
