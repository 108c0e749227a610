#pragma once
#include "providers/provider.h"
#include "providers/simulated.h"

#include <memory>
#include <string>

namespace ts {

// Which providers a process offers. The simulated provider is always there, so every entry point
// works on a fresh machine; OpenAI (or a compatible server) joins when a key or base URL is given.
struct ProviderSetup
{
    std::string openaiApiKey;  // OPENAI_API_KEY
    std::string openaiBaseUrl; // OPENAI_BASE_URL, or a local server such as http://127.0.0.1:8080/v1
    SimulatedConfig simulated;
};

ProviderSetup providerSetupFromEnvironment();
std::shared_ptr<ProviderRegistry> makeProviders(const ProviderSetup& setup);
std::string describeProviders(const ProviderRegistry& registry); // "simulated, openai"

} // namespace ts
