#pragma once
#include "providers/embedder.h"
#include "providers/provider_profile.h"

#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace ts {

// The embedder of a configured provider: kind "openai" (and any server speaking its /embeddings)
// or "ollama" (/api/embed), running `model`. Otherwise why not, in words.
std::variant<std::shared_ptr<Embedder>, std::string> makeEmbedder(const ProviderProfile& profile,
                                                                  const std::string& apiKey, const std::string& model);

// Finds the profile named `providerId` among `profiles` and builds its embedder with the key `keys`
// gives it.
std::variant<std::shared_ptr<Embedder>, std::string> makeEmbedder(const std::vector<ProviderProfile>& profiles,
                                                                  const KeyLookup& keys, const std::string& providerId,
                                                                  const std::string& model);

} // namespace ts
