#include "providers/provider_profile.h"

#include "providers/secret_headers.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace ts {

namespace {

const char* nonEmptyEnv(const char* name)
{
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
}

bool validIdChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

// RFC 9110 token characters, the only ones a header name may hold.
bool validHeaderName(std::string_view name)
{
    constexpr std::string_view kSpecials = "!#$%&'*+-.^_`|~";
    return !name.empty() && std::all_of(name.begin(), name.end(), [&](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || kSpecials.find(c) != std::string_view::npos;
    });
}

bool isHttpUrl(std::string_view url) { return url.starts_with("http://") || url.starts_with("https://"); }

bool isProxyUrl(std::string_view url)
{
    for (std::string_view scheme : {"http://", "https://", "socks4://", "socks4a://", "socks5://", "socks5h://"})
        if (url.starts_with(scheme))
            return true;
    return false;
}

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

void checkId(const std::string& id, std::vector<std::string>& out)
{
    if (id.empty())
        out.push_back("the id is empty");
    else if (!std::all_of(id.begin(), id.end(), validIdChar))
        out.push_back("id '" + id + "' may hold only a-z, 0-9, '.', '_' and '-'");
    else if (id == "simulated")
        out.push_back("id 'simulated' is reserved for the built-in simulated provider");
}

void checkHeaders(const ProviderProfile& p, std::vector<std::string>& out)
{
    for (const auto& [name, value] : p.headers) {
        if (!validHeaderName(name))
            out.push_back("header name '" + name + "' is not a valid HTTP header name");
        else if (isSecretHeader(name))
            out.push_back("header '" + name + "' carries a credential; keys belong in the keychain or the environment");
        if (value.find_first_of("\r\n") != std::string::npos)
            out.push_back("header '" + name + "' has a line break in its value");
    }
}

void checkTimeouts(const ProviderProfile& p, std::vector<std::string>& out)
{
    if (p.connectTimeout.count() < 0)
        out.push_back("connect timeout must not be negative");
    if (p.idleTimeout.count() < 0)
        out.push_back("idle timeout must not be negative");
    if (p.totalTimeout.count() < 0)
        out.push_back("total timeout must not be negative");
}

void checkUrls(const ProviderProfile& p, std::vector<std::string>& out)
{
    if (!p.baseUrl.empty() && !isHttpUrl(p.baseUrl))
        out.push_back("base URL must start with http:// or https://");
    if (!p.proxy.empty() && !isProxyUrl(p.proxy))
        out.push_back("proxy URL must start with http://, https://, socks4://, socks5:// or socks5h://");
    if (p.kind != "azure")
        return;
    if (p.baseUrl.empty())
        out.push_back("azure needs its endpoint as base URL (https://RESOURCE.openai.azure.com)");
    else if (p.azureDeployment.empty() && p.baseUrl.find("/openai/deployments/") == std::string::npos)
        out.push_back("azure needs a deployment, or a base URL that ends in /openai/deployments/NAME");
}

} // namespace

const std::vector<std::string>& profileKinds()
{
    static const std::vector<std::string> kinds{"openai", "openai-responses", "anthropic", "gemini", "ollama", "azure"};
    return kinds;
}

std::string defaultKeyEnv(std::string_view kind)
{
    if (kind == "openai" || kind == "openai-responses")
        return "OPENAI_API_KEY";
    if (kind == "anthropic")
        return "ANTHROPIC_API_KEY";
    if (kind == "gemini")
        return "GEMINI_API_KEY";
    if (kind == "azure")
        return "AZURE_OPENAI_API_KEY";
    return {};
}

bool kindNeedsKey(std::string_view kind) { return kind != "ollama"; }

std::string defaultBaseUrl(std::string_view kind)
{
    if (kind == "openai" || kind == "openai-responses")
        return "https://api.openai.com/v1";
    if (kind == "anthropic")
        return "https://api.anthropic.com";
    if (kind == "gemini")
        return "https://generativelanguage.googleapis.com";
    if (kind == "ollama")
        return "http://127.0.0.1:11434";
    return {}; // azure: every resource has its own
}

std::vector<std::string> validateProfile(const ProviderProfile& p)
{
    std::vector<std::string> out;
    checkId(p.id, out);
    const auto& kinds = profileKinds();
    if (std::find(kinds.begin(), kinds.end(), p.kind) == kinds.end())
        out.push_back("kind '" + p.kind + "' is not one of " + joined(kinds));
    checkUrls(p, out);
    checkTimeouts(p, out);
    checkHeaders(p, out);
    if (std::any_of(p.models.begin(), p.models.end(), [](const std::string& m) { return m.empty(); }))
        out.push_back("a model name is empty");
    return out;
}

const ProviderProfile* ProviderProfiles::find(std::string_view id) const
{
    for (const auto& p : profiles)
        if (p.id == id)
            return &p;
    return nullptr;
}

ProviderProfiles ProviderProfiles::mergedWith(const ProviderProfiles& fallback) const
{
    ProviderProfiles out = *this;
    for (const auto& p : fallback.profiles)
        if (!find(p.id))
            out.profiles.push_back(p);
    out.issues.insert(out.issues.end(), fallback.issues.begin(), fallback.issues.end());
    return out;
}

std::string providerProfilesPath()
{
    namespace fs = std::filesystem;
    if (const char* path = nonEmptyEnv("TOKENSCOPE_PROVIDERS"))
        return path;
    const fs::path name = fs::path("tokenscope") / "providers.json";
    if (const char* config = nonEmptyEnv("XDG_CONFIG_HOME"); config && fs::path(config).is_absolute())
        return (fs::path(config) / name).string();
    if (const char* home = nonEmptyEnv("HOME"))
        return (fs::path(home) / ".config" / name).string();
    return {};
}

ProviderProfiles loadUserProfiles()
{
    return ProviderProfiles::load(providerProfilesPath()).mergedWith(ProviderProfiles::fromEnvironment());
}

KeyLookup environmentKeys()
{
    return [](const ProviderProfile& p) -> std::optional<std::string> {
        if (!p.keyEnv.empty()) {
            const char* v = nonEmptyEnv(p.keyEnv.c_str());
            return v ? std::optional<std::string>(v) : std::nullopt;
        }
        const std::string name = defaultKeyEnv(p.kind);
        if (const char* v = name.empty() ? nullptr : nonEmptyEnv(name.c_str()))
            return v;
        if (const char* v = p.kind == "gemini" ? nonEmptyEnv("GOOGLE_API_KEY") : nullptr)
            return v; // Google's own SDKs read either
        return std::nullopt;
    };
}

} // namespace ts
