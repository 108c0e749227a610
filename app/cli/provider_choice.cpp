#include "provider_choice.h"

#include "providers/provider_setup.h"

#include <algorithm>
#include <cstdio>

namespace ts::cli {

namespace {

bool isKind(const std::string& id)
{
    const auto& kinds = profileKinds();
    return std::find(kinds.begin(), kinds.end(), id) != kinds.end();
}

std::string profileIds(const ProviderProfiles& profiles)
{
    std::string out;
    for (const auto& p : profiles.profiles)
        out += (out.empty() ? "" : ", ") + p.id;
    return out.empty() ? "none" : out;
}

} // namespace

ProviderProfiles chosenProfiles(const Args& args, const std::string& providerId)
{
    ProviderProfiles profiles = loadUserProfiles();
    for (const auto& issue : profiles.issues)
        std::fprintf(stderr, "tokenscope-cli: warning: %s\n", issue.c_str());
    const auto base = args.value("--base-url");
    if (!base)
        return profiles;
    if (auto it = std::find_if(profiles.profiles.begin(), profiles.profiles.end(),
                               [&](const ProviderProfile& p) { return p.id == providerId; });
        it != profiles.profiles.end()) {
        it->baseUrl = *base;
        it->enabled = true;
    } else if (isKind(providerId)) {
        profiles.profiles.push_back({.id = providerId, .kind = providerId, .baseUrl = *base});
    } else {
        throw Exit{2, "--base-url needs --provider naming a profile or one of " + knownProviderIds().substr(0, knownProviderIds().rfind(','))};
    }
    return profiles;
}

const ProviderProfile& requireProfile(const ProviderProfiles& profiles, const std::string& providerId)
{
    if (const ProviderProfile* p = profiles.find(providerId))
        return *p;
    if (isKind(providerId))
        throw Exit{1, "provider '" + providerId + "' is not configured: set " +
                          (kindNeedsKey(providerId) ? defaultKeyEnv(providerId) : std::string("OLLAMA_HOST")) +
                          ", give --base-url, or add it to " + providerProfilesPath()};
    throw Exit{1, "unknown provider '" + providerId + "' (known: " + profileIds(profiles) + "; built in: " +
                      knownProviderIds() + ")"};
}

std::string unusableReason(const ProviderProfile& profile, const std::string& apiKey)
{
    if (!profile.enabled)
        return "it is disabled in " + providerProfilesPath();
    ProviderError error;
    if (makeProvider(profile, apiKey, &error))
        return {};
    // makeProvider names the provider itself; the caller's sentence already does.
    const std::string prefix = "provider '" + profile.id + "': ";
    return error.message.starts_with(prefix) ? error.message.substr(prefix.size()) : error.message;
}

} // namespace ts::cli
