#include "providers/provider_setup.h"

#include "catalog/catalog.h"
#include "providers/anthropic_provider.h"
#include "providers/gemini_provider.h"
#include "providers/ollama_provider.h"
#include "providers/openai_compat.h"
#include "providers/openai_responses.h"

#include <cstdlib>

namespace ts {

namespace {

std::string env(const char* name)
{
    const char* v = std::getenv(name);
    return v ? v : "";
}

// What the playground offers for a provider: the catalog's current models of that vendor.
std::vector<std::string> catalogModels(std::string_view provider, std::vector<std::string> preferred)
{
    const auto catalog = Catalog::current();
    std::vector<std::string> out;
    for (std::string& id : preferred)
        if (const ModelInfo* m = catalog->find(id, provider); m && m->provider == provider)
            out.push_back(std::move(id));
    return out;
}

} // namespace

ProviderSetup::Access* ProviderSetup::access(std::string_view provider)
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

ProviderSetup providerSetupFromEnvironment()
{
    ProviderSetup s;
    s.openai = {env("OPENAI_API_KEY"), env("OPENAI_BASE_URL")};
    s.anthropic = {env("ANTHROPIC_API_KEY"), env("ANTHROPIC_BASE_URL")};
    s.gemini = {env("GEMINI_API_KEY"), env("GEMINI_BASE_URL")};
    if (s.gemini.apiKey.empty())
        s.gemini.apiKey = env("GOOGLE_API_KEY");
    s.ollama = {{}, env("OLLAMA_HOST")};
    if (!s.ollama.baseUrl.empty() && !s.ollama.baseUrl.starts_with("http"))
        s.ollama.baseUrl = "http://" + s.ollama.baseUrl; // OLLAMA_HOST may be host:port
    s.azure = {env("AZURE_OPENAI_API_KEY"), env("AZURE_OPENAI_ENDPOINT")};
    s.azureDeployment = env("AZURE_OPENAI_DEPLOYMENT");
    if (std::string v = env("AZURE_OPENAI_API_VERSION"); !v.empty())
        s.azureApiVersion = v;
    return s;
}

std::shared_ptr<ProviderRegistry> makeProviders(const ProviderSetup& setup)
{
    auto registry = std::make_shared<ProviderRegistry>();
    registry->add(std::make_shared<SimulatedProvider>(setup.simulated));
    if (setup.openai.enabled()) {
        OpenAICompatConfig config;
        if (!setup.openai.baseUrl.empty())
            config.baseUrl = setup.openai.baseUrl;
        config.apiKey = setup.openai.apiKey;
        config.models = {"gpt-4o-mini", "gpt-4o", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o4-mini"};
        registry->add(std::make_shared<OpenAICompatProvider>(config));
        // The same account through the Responses API, for models and features only it serves.
        OpenAIResponsesConfig responses;
        static_cast<Endpoint&>(responses) = static_cast<const Endpoint&>(config);
        responses.models = {"gpt-4.1", "gpt-4.1-mini", "o4-mini", "gpt-4o"};
        registry->add(std::make_shared<OpenAIResponsesProvider>(responses));
    }
    if (setup.anthropic.enabled()) {
        AnthropicConfig config;
        if (!setup.anthropic.baseUrl.empty())
            config.baseUrl = setup.anthropic.baseUrl;
        config.apiKey = setup.anthropic.apiKey;
        config.models = catalogModels("anthropic", {"claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1",
                                                    "claude-sonnet-4", "claude-3-5-haiku"});
        registry->add(std::make_shared<AnthropicProvider>(config));
    }
    if (setup.gemini.enabled()) {
        GeminiConfig config;
        if (!setup.gemini.baseUrl.empty())
            config.baseUrl = setup.gemini.baseUrl;
        config.apiKey = setup.gemini.apiKey;
        config.models = catalogModels("google", {"gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.5-flash-lite",
                                                 "gemini-2.0-flash"});
        registry->add(std::make_shared<GeminiProvider>(config));
    }
    if (setup.ollama.enabled()) {
        OllamaConfig config;
        config.baseUrl = setup.ollama.baseUrl;
        config.models = {"llama3.1:8b", "llama3.2", "qwen2.5:7b", "mistral", "gemma2"};
        registry->add(std::make_shared<OllamaProvider>(config));
    }
    if (setup.azure.enabled()) {
        OpenAICompatConfig config;
        config.id = "azure";
        config.otelName = "azure.ai.openai";
        std::string base = setup.azure.baseUrl;
        while (base.ends_with('/'))
            base.pop_back();
        // An endpoint without a deployment path gets the configured deployment appended.
        config.baseUrl = base.find("/openai/deployments/") == std::string::npos && !setup.azureDeployment.empty()
                             ? base + "/openai/deployments/" + setup.azureDeployment
                             : base;
        config.apiKey = setup.azure.apiKey;
        config.azureApiVersion = setup.azureApiVersion;
        config.models = {setup.azureDeployment.empty() ? std::string("gpt-4o") : setup.azureDeployment};
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

std::string knownProviderIds() { return "openai, openai-responses, anthropic, gemini, ollama, azure, simulated"; }

} // namespace ts
