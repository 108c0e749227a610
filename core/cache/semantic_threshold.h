#pragma once
#include <string_view>

namespace ts::cache {

// Cosine similarities measured with the lexical embedder (test_lexical_embedder prints them):
//   paraphrases   0.95 "How do I reverse a list in Python?" / "python: how to reverse a list"
//                 0.81 "What is the capital of France?" / "Tell me the capital of France"
//                 0.80 "What are the side effects of ibuprofen?" / "ibuprofen side effects?"
//                 0.72 "What is the capital of France?" / "what's France's capital city?"
//                 0.64 "How do I reverse a list in Python?" / "Reversing a Python list, how?"
//   one key word  0.88 "Convert 100 celsius to fahrenheit" / "... fahrenheit to celsius"
//   changed       0.76 "... reverse a list in Python?" / "... in Rust?"
//                 0.69 "What are the side effects of ibuprofen?" / "... of aspirin?"
//                 0.60 "What is the capital of France?" / "... of Germany?"
//   unrelated     0.00 "What is the capital of France?" / "How do I bake sourdough bread?"
// 0.70 hits the plain rewordings and misses everything unrelated by a wide margin; no threshold
// separates a reworded question from one with a key word changed, which only an embedding model
// can, so the Cache panel's tuning view is where a user should set it for their own traffic.
inline constexpr float kLexicalThreshold = 0.70f;

// For a provider's embedding model. Not measured here (no model runs offline): 0.90 is the
// conservative end of what is used with OpenAI's text-embedding-3 models, whose unrelated texts
// score around 0.1 to 0.3 and close paraphrases above 0.9.
inline constexpr float kProviderThreshold = 0.90f;

inline float defaultThresholdFor(std::string_view embedderId)
{
    return embedderId == "lexical" ? kLexicalThreshold : kProviderThreshold;
}

} // namespace ts::cache
