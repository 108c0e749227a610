#pragma once
#include "providers/endpoint.h"
#include "providers/provider.h"
#include "providers/simulated.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ts {

// One provider the user has set up: which wire format it speaks, where it lives and how to reach it.
// Never holds the API key: keys live in the OS keychain (GUI) or the environment, and are looked up by
// profile id when the registry is built.
struct ProviderProfile
{
    std::string id;    // unique registry id: "openai", "anthropic", "groq", "local-vllm" ([a-z0-9._-]+)
    std::string kind;  // wire format: "openai", "openai-responses", "anthropic", "gemini", "ollama", "azure"
    std::string label; // shown to the user; empty: the id
    std::string baseUrl; // empty: the kind's public endpoint (ollama: http://127.0.0.1:11434)
    std::vector<std::pair<std::string, std::string>> headers; // custom, non-secret headers
    std::string proxy;                                         // http(s) proxy URL; empty: libcurl default
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds idleTimeout{60'000};
    std::chrono::milliseconds totalTimeout{0}; // 0: none
    std::vector<std::string> models; // offered in model pickers; empty: the kind's defaults
    std::string azureDeployment;     // azure only
    std::string azureApiVersion;     // azure only; empty: the default
    std::string keyEnv; // environment variable holding the key when the keychain has none; empty: the kind's
    bool enabled = true;

    bool operator==(const ProviderProfile&) const = default;
};

// Wire formats a profile may name, and the environment variable each reads its key from by default.
const std::vector<std::string>& profileKinds();
std::string defaultKeyEnv(std::string_view kind); // "OPENAI_API_KEY", ...; "" for ollama
bool kindNeedsKey(std::string_view kind);          // false for ollama
std::string defaultBaseUrl(std::string_view kind);

// Problems with one profile, in words ("base URL must start with http:// or https://"); empty: valid.
std::vector<std::string> validateProfile(const ProviderProfile& profile);

// The user's provider profiles: a JSON file, never containing keys.
struct ProviderProfiles
{
    std::vector<ProviderProfile> profiles;
    std::vector<std::string> issues; // "providers.json:3: ..." for entries skipped while loading

    const ProviderProfile* find(std::string_view id) const;
    // Profiles implied by the environment (OPENAI_API_KEY, ANTHROPIC_BASE_URL, OLLAMA_HOST, ...), as
    // providerSetupFromEnvironment() sees it, for ids the file does not name.
    static ProviderProfiles fromEnvironment();
    // The file at `path`; a missing file is an empty list, a corrupt one a list with an issue (never
    // throws, never loses the file: saving over a corrupt file keeps it as path + ".corrupt").
    static ProviderProfiles load(const std::string& path);
    // Atomic write (temporary file + rename). Returns an error in words, or "".
    std::string save(const std::string& path) const;
    // File profiles first, then environment ones whose ids the file lacks.
    ProviderProfiles mergedWith(const ProviderProfiles& fallback) const;
};

// TOKENSCOPE_PROVIDERS, else $XDG_CONFIG_HOME/tokenscope/providers.json (~/.config/...).
std::string providerProfilesPath();
// What the user has set up: the file at providerProfilesPath() merged with the environment.
ProviderProfiles loadUserProfiles();

// Where a profile's key comes from: the keychain (GUI), then the environment variable.
using KeyLookup = std::function<std::optional<std::string>(const ProviderProfile& profile)>;
KeyLookup environmentKeys(); // reads profile.keyEnv, else defaultKeyEnv(kind)

// A registry with the simulated provider and every enabled profile whose key is known (or whose kind
// needs none, or that has a base URL, for keyless local servers).
std::shared_ptr<ProviderRegistry> makeProviders(const ProviderProfiles& profiles, const KeyLookup& keys,
                                                const SimulatedConfig& simulated = {});
// Where and how to reach a profile's server: base URL (the kind's default when empty), key, custom
// headers, proxy and timeouts. Azure's deployment path is not added here.
Endpoint endpointFor(const ProviderProfile& profile, const std::string& apiKey);
// The one provider for a profile, or a Config error in words.
std::shared_ptr<Provider> makeProvider(const ProviderProfile& profile, const std::string& apiKey,
                                       ProviderError* error = nullptr);

} // namespace ts
