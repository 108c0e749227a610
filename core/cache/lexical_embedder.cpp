#include "cache/lexical_embedder.h"

#include "cache/embedding_math.h"
#include "cache/lexical_words.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace ts::cache {

namespace {

enum class Feature : std::uint64_t { Word = 1, Bigram = 2, CharGram = 3 };

// How much each kind of feature counts in the similarity: for two texts that both have every kind,
// cosine = sum(w^2 * cosine of that kind) / sum(w^2). Words carry most; bigrams keep some word order
// ("celsius to fahrenheit" vs "fahrenheit to celsius"); character grams catch inflections and
// spelling ("capital"/"capitals").
struct Mix
{
    float word = 1.0f;
    float bigram = 0.6f;
    float charGram = 0.8f;
};
constexpr Mix kLexicalMix;

std::uint64_t fnv1a(std::string_view bytes, Feature kind)
{
    std::uint64_t h = 1469598103934665603ull ^ static_cast<std::uint64_t>(kind);
    for (const char c : bytes)
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h ^ (h >> 29); // spread the high bits into the low ones used for the bucket
}

using Counts = std::unordered_map<std::string, int>;

Counts bigramsOf(const std::vector<std::string>& words)
{
    Counts counts;
    for (std::size_t i = 1; i < words.size(); ++i)
        ++counts[words[i - 1] + ' ' + words[i]];
    return counts;
}

Counts charGramsOf(const std::vector<std::string>& words)
{
    Counts counts;
    for (const std::string& word : words) {
        const std::string padded = '<' + word + '>'; // word edges count: "<ca" is not "ica"
        for (std::size_t n = 3; n <= 4; ++n)
            for (std::size_t i = 0; i + n <= padded.size(); ++i)
                ++counts[padded.substr(i, n)];
    }
    return counts;
}

// One kind's features, hashed with a sign bit so that collisions cancel out on average instead of
// adding up, then normalised so that each kind weighs what the mix says whatever the text's length.
std::vector<float> hashed(const Counts& counts, Feature kind, int dimensions)
{
    std::vector<float> v(static_cast<std::size_t>(dimensions), 0.0f);
    for (const auto& [feature, tf] : counts) {
        const std::uint64_t h = fnv1a(feature, kind);
        const float sign = (h >> 63) ? -1.0f : 1.0f;
        v[h % static_cast<std::uint64_t>(dimensions)] += sign * (1.0f + std::log(static_cast<float>(tf)));
    }
    normaliseInPlace(v);
    return v;
}

void addScaled(std::vector<float>& into, const std::vector<float>& v, float weight)
{
    for (std::size_t i = 0; i < into.size(); ++i)
        into[i] += weight * v[i];
}

} // namespace

std::vector<float> lexicalVector(std::string_view text, int dimensions)
{
    const std::vector<std::string> words = lexicalWords(text);
    Counts unigrams;
    for (const std::string& w : words)
        ++unigrams[w];
    std::vector<float> v(static_cast<std::size_t>(dimensions), 0.0f);
    addScaled(v, hashed(unigrams, Feature::Word, dimensions), kLexicalMix.word);
    addScaled(v, hashed(bigramsOf(words), Feature::Bigram, dimensions), kLexicalMix.bigram);
    addScaled(v, hashed(charGramsOf(words), Feature::CharGram, dimensions), kLexicalMix.charGram);
    normaliseInPlace(v);
    return v;
}

std::variant<Embeddings, ProviderError> LexicalEmbedder::embed(const std::vector<std::string>& texts,
                                                               const CancelToken* /*cancel: nothing waits*/)
{
    Embeddings out;
    out.model = id();
    out.vectors.reserve(texts.size());
    for (const std::string& text : texts)
        out.vectors.push_back(lexicalVector(text));
    return out;
}

} // namespace ts::cache
