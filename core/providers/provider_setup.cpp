#include "providers/provider_setup.h"

#include "providers/openai_compat.h"

#include <cstdlib>

namespace ts {

namespace {
std::string env(const char* name)
{
    const char* v = std::getenv(name);
    return v ? v : "";
}
} // namespace

ProviderSetup providerSetupFromEnvironment()
{
    ProviderSetup s;
    s.openaiApiKey = env("OPENAI_API_KEY");
    s.openaiBaseUrl = env("OPENAI_BASE_URL");
    return s;
}

std::shared_ptr<ProviderRegistry> makeProviders(const ProviderSetup& setup)
{
    auto registry = std::make_shared<ProviderRegistry>();
    registry->add(std::make_shared<SimulatedProvider>(setup.simulated));
    if (!setup.openaiApiKey.empty() || !setup.openaiBaseUrl.empty()) {
        OpenAICompatConfig config;
        if (!setup.openaiBaseUrl.empty())
            config.baseUrl = setup.openaiBaseUrl;
        config.apiKey = setup.openaiApiKey;
        config.models = {"gpt-4o-mini", "gpt-4o", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o4-mini"};
        registry->add(std::make_shared<OpenAICompatProvider>(config));
    }
    return registry;
}

std::string describeProviders(const ProviderRegistry& registry)
{
    std::string out;
    for (const auto& p : registry.all())
        out += (out.empty() ? "" : ", ") + p->id();
    return out.empty() ? "none" : "configured: " + out;
}

} // namespace ts
