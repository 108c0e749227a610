#include "providers/provider_profile.h"

#include <cstdlib>

namespace ts {

namespace {

std::string env(const char* name)
{
    const char* v = std::getenv(name);
    return v ? v : "";
}

ProviderProfile profile(std::string id, std::string kind, std::string baseUrl)
{
    ProviderProfile p;
    p.id = std::move(id);
    p.kind = std::move(kind);
    p.baseUrl = std::move(baseUrl);
    return p;
}

void addOpenAI(std::vector<ProviderProfile>& out)
{
    const std::string base = env("OPENAI_BASE_URL");
    if (env("OPENAI_API_KEY").empty() && base.empty())
        return;
    out.push_back(profile("openai", "openai", base));
    // The same account through the Responses API, for models and features only it serves.
    out.push_back(profile("openai-responses", "openai-responses", base));
}

void addGemini(std::vector<ProviderProfile>& out)
{
    const std::string base = env("GEMINI_BASE_URL");
    const bool gemini = !env("GEMINI_API_KEY").empty();
    if (!gemini && env("GOOGLE_API_KEY").empty() && base.empty())
        return;
    ProviderProfile p = profile("gemini", "gemini", base);
    if (!gemini && !env("GOOGLE_API_KEY").empty())
        p.keyEnv = "GOOGLE_API_KEY";
    out.push_back(std::move(p));
}

void addOllama(std::vector<ProviderProfile>& out)
{
    std::string host = env("OLLAMA_HOST");
    if (host.empty())
        return;
    if (!host.starts_with("http://") && !host.starts_with("https://"))
        host = "http://" + host; // OLLAMA_HOST may be host:port
    out.push_back(profile("ollama", "ollama", host));
}

void addAzure(std::vector<ProviderProfile>& out)
{
    const std::string endpoint = env("AZURE_OPENAI_ENDPOINT");
    if (env("AZURE_OPENAI_API_KEY").empty() && endpoint.empty())
        return;
    ProviderProfile p = profile("azure", "azure", endpoint);
    p.azureDeployment = env("AZURE_OPENAI_DEPLOYMENT");
    p.azureApiVersion = env("AZURE_OPENAI_API_VERSION");
    out.push_back(std::move(p));
}

} // namespace

ProviderProfiles ProviderProfiles::fromEnvironment()
{
    ProviderProfiles out;
    addOpenAI(out.profiles);
    if (const std::string base = env("ANTHROPIC_BASE_URL"); !env("ANTHROPIC_API_KEY").empty() || !base.empty())
        out.profiles.push_back(profile("anthropic", "anthropic", base));
    addGemini(out.profiles);
    addOllama(out.profiles);
    addAzure(out.profiles);
    return out;
}

} // namespace ts
