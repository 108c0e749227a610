#pragma once
#include "model/cancel.h"
#include "providers/provider.h"
#include "providers/provider_profile.h"

#include <string>
#include <vector>

namespace ts {

// What a provider's server says it serves: OpenAI and compatible servers GET /models, Anthropic
// GET /v1/models (paged), Gemini GET /v1beta/models (paged), Ollama GET /api/tags. Azure lists
// nothing with a deployment key: its result is the profile's deployment, marked as not listed.
struct ModelList
{
    std::vector<ModelListing> models; // sorted by id
    ProviderError error;              // why listing failed (auth, network, ...); models empty then
    bool listed = true;               // false: the API cannot list, models come from the profile
    double elapsedMs = 0;             // how long the server took: "Test connection" shows it
};

// Blocks the calling thread (run it off the GUI thread); honours the profile's proxy, headers and
// timeouts; cancellable. The key is sent the way the kind wants it and never recorded.
ModelList listModels(const ProviderProfile& profile, const std::string& apiKey, const CancelToken* cancel = nullptr);

} // namespace ts
