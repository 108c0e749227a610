#pragma once
#include "providers/provider.h"
#include "providers/provider_profile.h"
#include "providers/simulated.h"

#include <memory>
#include <string>
#include <string_view>

namespace ts {

// The environment's providers as one struct, for callers not yet on provider profiles
// (provider_profile.h): a thin layer over them, so there is one way providers are built.
// The simulated provider is always there, so every entry point works on a fresh machine; a real
// provider joins when its key or base URL is given.
struct ProviderSetup
{
    struct Access
    {
        std::string apiKey;
        std::string baseUrl; // empty: the provider's public endpoint
        bool enabled() const { return !apiKey.empty() || !baseUrl.empty(); }
    };
    Access openai;    // OPENAI_API_KEY, OPENAI_BASE_URL (any OpenAI-compatible server)
    Access anthropic; // ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL
    Access gemini;    // GEMINI_API_KEY (or GOOGLE_API_KEY), GEMINI_BASE_URL
    Access ollama;    // OLLAMA_HOST (no key)
    Access azure;     // AZURE_OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT
    std::string azureDeployment; // AZURE_OPENAI_DEPLOYMENT
    std::string azureApiVersion = "2024-10-21"; // AZURE_OPENAI_API_VERSION
    SimulatedConfig simulated;

    // The access for a provider id ("openai", "anthropic", ...), or nullptr.
    Access* access(std::string_view provider);
    const Access* access(std::string_view provider) const;
};

// ProviderProfiles::fromEnvironment() with the keys environmentKeys() finds.
ProviderSetup providerSetupFromEnvironment();
// The setup as profiles (ids = kinds), and the registry makeProviders(profiles, ...) builds from them.
ProviderProfiles profilesOf(const ProviderSetup& setup);
std::shared_ptr<ProviderRegistry> makeProviders(const ProviderSetup& setup);
std::string describeProviders(const ProviderRegistry& registry); // "configured: simulated, openai"
// The provider ids makeProviders knows, for messages: "openai, anthropic, gemini, ollama, azure, simulated".
std::string knownProviderIds();

} // namespace ts
