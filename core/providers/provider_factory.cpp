// The one place providers are built: a profile (and its key) becomes a Provider.
#include "catalog/catalog.h"
#include "providers/anthropic_provider.h"
#include "providers/gemini_provider.h"
#include "providers/ollama_provider.h"
#include "providers/openai_compat.h"
#include "providers/openai_responses.h"
#include "providers/provider_profile.h"

namespace ts {

namespace {

constexpr const char* kAzureApiVersion = "2024-10-21";

// What a model picker offers for an Anthropic or Gemini profile: the catalog's current models of that vendor.
std::vector<std::string> catalogModels(std::string_view vendor, std::vector<std::string> preferred)
{
    const auto catalog = Catalog::current();
    std::vector<std::string> out;
    for (std::string& id : preferred)
        if (const ModelInfo* m = catalog->find(id, vendor); m && m->provider == vendor)
            out.push_back(std::move(id));
    return out;
}

std::vector<std::string> defaultModels(const ProviderProfile& p)
{
    if (p.kind == "openai")
        return {"gpt-4o-mini", "gpt-4o", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o4-mini"};
    if (p.kind == "openai-responses")
        return {"gpt-4.1", "gpt-4.1-mini", "o4-mini", "gpt-4o"};
    if (p.kind == "anthropic")
        return catalogModels("anthropic", {"claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1",
                                           "claude-sonnet-4", "claude-3-5-haiku"});
    if (p.kind == "gemini")
        return catalogModels("google", {"gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.5-flash-lite",
                                        "gemini-2.0-flash"});
    if (p.kind == "ollama")
        return {"llama3.1:8b", "llama3.2", "qwen2.5:7b", "mistral", "gemma2"};
    return {p.azureDeployment.empty() ? std::string("gpt-4o") : p.azureDeployment};
}

std::vector<std::string> modelsOf(const ProviderProfile& p)
{
    return p.models.empty() ? defaultModels(p) : p.models;
}

// An Azure endpoint without a deployment path gets the profile's deployment appended.
std::string azureBase(const ProviderProfile& p)
{
    std::string base = p.baseUrl;
    while (base.ends_with('/'))
        base.pop_back();
    if (base.find("/openai/deployments/") != std::string::npos || p.azureDeployment.empty())
        return base;
    return base + "/openai/deployments/" + p.azureDeployment;
}

std::shared_ptr<Provider> openAICompatible(const ProviderProfile& p, const std::string& apiKey)
{
    OpenAICompatConfig config;
    static_cast<Endpoint&>(config) = endpointFor(p, apiKey);
    config.id = p.id;
    config.models = modelsOf(p);
    if (p.kind == "azure") {
        config.otelName = "azure.ai.openai";
        config.baseUrl = azureBase(p);
        config.azureApiVersion = p.azureApiVersion.empty() ? kAzureApiVersion : p.azureApiVersion;
    } else if (p.id != "openai") {
        config.otelName = p.id; // groq, a local vLLM...: gen_ai.provider.name names who served it
    }
    return std::make_shared<OpenAICompatProvider>(std::move(config));
}

template <typename Config, typename ProviderType>
std::shared_ptr<Provider> build(const ProviderProfile& p, const std::string& apiKey)
{
    Config config;
    static_cast<Endpoint&>(config) = endpointFor(p, apiKey);
    config.id = p.id;
    config.models = modelsOf(p);
    return std::make_shared<ProviderType>(std::move(config));
}

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : "; ") + item;
    return out;
}

} // namespace

Endpoint endpointFor(const ProviderProfile& p, const std::string& apiKey)
{
    Endpoint e;
    e.baseUrl = p.baseUrl.empty() ? defaultBaseUrl(p.kind) : p.baseUrl;
    e.apiKey = apiKey;
    e.extraHeaders.assign(p.headers.begin(), p.headers.end());
    e.proxy = p.proxy;
    e.connectTimeout = p.connectTimeout;
    e.idleTimeout = p.idleTimeout;
    e.totalTimeout = p.totalTimeout;
    return e;
}

std::shared_ptr<Provider> makeProvider(const ProviderProfile& p, const std::string& apiKey, ProviderError* error)
{
    auto fail = [&](std::string message) -> std::shared_ptr<Provider> {
        if (error)
            *error = configError("provider '" + p.id + "': " + std::move(message));
        return nullptr;
    };
    if (auto problems = validateProfile(p); !problems.empty())
        return fail(joined(problems));
    // A keyless profile still reaches a local or self-hosted server; the public endpoints need a key.
    if (apiKey.empty() && kindNeedsKey(p.kind) && p.baseUrl.empty())
        return fail("no API key (set " + (p.keyEnv.empty() ? defaultKeyEnv(p.kind) : p.keyEnv) +
                    " or add the key in Settings)");
    if (p.kind == "openai" || p.kind == "azure")
        return openAICompatible(p, apiKey);
    if (p.kind == "openai-responses")
        return build<OpenAIResponsesConfig, OpenAIResponsesProvider>(p, apiKey);
    if (p.kind == "anthropic")
        return build<AnthropicConfig, AnthropicProvider>(p, apiKey);
    if (p.kind == "gemini")
        return build<GeminiConfig, GeminiProvider>(p, apiKey);
    return build<OllamaConfig, OllamaProvider>(p, apiKey);
}

std::shared_ptr<ProviderRegistry> makeProviders(const ProviderProfiles& profiles, const KeyLookup& keys,
                                                const SimulatedConfig& simulated)
{
    auto registry = std::make_shared<ProviderRegistry>();
    registry->add(std::make_shared<SimulatedProvider>(simulated));
    for (const ProviderProfile& p : profiles.profiles) {
        if (!p.enabled)
            continue;
        const std::optional<std::string> key = keys ? keys(p) : std::nullopt;
        if (auto provider = makeProvider(p, key.value_or(std::string())))
            registry->add(std::move(provider));
    }
    return registry;
}

} // namespace ts
