#include "providers/provider_setup.h"

#include "providers/provider_profile.h"

#include <utility>

namespace ts {

namespace {

ProviderProfile profileFor(std::string id, const ProviderSetup::Access& access)
{
    ProviderProfile p;
    p.id = id;
    p.kind = std::move(id);
    p.baseUrl = access.baseUrl;
    return p;
}

} // namespace

const ProviderSetup::Access* ProviderSetup::access(std::string_view provider) const
{
    if (provider == "openai" || provider == "openai-responses")
        return &openai;
    if (provider == "anthropic")
        return &anthropic;
    if (provider == "gemini")
        return &gemini;
    if (provider == "ollama")
        return &ollama;
    if (provider == "azure")
        return &azure;
    return nullptr;
}

ProviderSetup::Access* ProviderSetup::access(std::string_view provider)
{
    return const_cast<Access*>(std::as_const(*this).access(provider));
}

ProviderSetup providerSetupFromEnvironment()
{
    ProviderSetup s;
    const KeyLookup keys = environmentKeys();
    for (const ProviderProfile& p : ProviderProfiles::fromEnvironment().profiles) {
        ProviderSetup::Access* access = s.access(p.id);
        access->apiKey = keys(p).value_or(std::string());
        access->baseUrl = p.baseUrl;
        if (p.kind == "azure") {
            s.azureDeployment = p.azureDeployment;
            if (!p.azureApiVersion.empty())
                s.azureApiVersion = p.azureApiVersion;
        }
    }
    return s;
}

ProviderProfiles profilesOf(const ProviderSetup& setup)
{
    ProviderProfiles out;
    for (const char* id : {"openai", "openai-responses", "anthropic", "gemini", "ollama", "azure"}) {
        const ProviderSetup::Access& access = *setup.access(id);
        if (!access.enabled())
            continue;
        out.profiles.push_back(profileFor(id, access));
        if (out.profiles.back().kind == "azure") {
            out.profiles.back().azureDeployment = setup.azureDeployment;
            out.profiles.back().azureApiVersion = setup.azureApiVersion;
        }
    }
    return out;
}

std::shared_ptr<ProviderRegistry> makeProviders(const ProviderSetup& setup)
{
    const KeyLookup keys = [&setup](const ProviderProfile& p) -> std::optional<std::string> {
        return setup.access(p.id)->apiKey;
    };
    return makeProviders(profilesOf(setup), keys, setup.simulated);
}

std::string describeProviders(const ProviderRegistry& registry)
{
    std::string out;
    for (const auto& p : registry.all())
        out += (out.empty() ? "" : ", ") + p->id();
    return out.empty() ? "none" : "configured: " + out;
}

std::string knownProviderIds() { return "openai, openai-responses, anthropic, gemini, ollama, azure, simulated"; }

} // namespace ts
