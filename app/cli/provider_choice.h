#pragma once
#include "args.h"

#include "providers/provider_profile.h"

#include <string>

namespace ts::cli {

// The providers a verb may use: the providers file merged with the environment, with --base-url laid
// over the profile --provider names (a built-in kind gets a profile of its own). Problems in the
// file are printed to standard error as warnings.
ProviderProfiles chosenProfiles(const Args& args, const std::string& providerId);

// The profile for `providerId`, or a one-line user error (exit 1) saying what to set.
const ProviderProfile& requireProfile(const ProviderProfiles& profiles, const std::string& providerId);

// Why a profile cannot be used as it stands ("no API key (set GEMINI_API_KEY ...)"), or "".
std::string unusableReason(const ProviderProfile& profile, const std::string& apiKey);

} // namespace ts::cli
