#include "verbs.h"

#include "provider_choice.h"
#include "providers/error_category.h"
#include "providers/model_listing.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <csignal>
#include <cstdio>

namespace ts::cli {

namespace {

CancelToken* g_cancel = nullptr;

void onInterrupt(int) { if (g_cancel) g_cancel->cancel(); }

ModelList simulatedModels()
{
    ModelList out;
    out.models = SimulatedProvider(SimulatedConfig{}).models();
    std::sort(out.models.begin(), out.models.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return out;
}

ModelList fetch(const Args& args, const std::string& providerId)
{
    const ProviderProfiles profiles = chosenProfiles(args, providerId);
    const ProviderProfile& profile = requireProfile(profiles, providerId);
    const std::string key = environmentKeys()(profile).value_or(std::string());
    if (std::string why = unusableReason(profile, key); !why.empty())
        throw Exit{1, "cannot list the models of '" + providerId + "': " + why};
    CancelToken cancel;
    g_cancel = &cancel;
    std::signal(SIGINT, onInterrupt);
    ModelList list = listModels(profile, key, &cancel);
    g_cancel = nullptr;
    return list;
}

void print(const ModelList& list, bool json)
{
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& m : list.models)
            out.push_back({{"id", m.id}, {"description", m.description}});
        std::printf("%s\n", out.dump(2).c_str());
        return;
    }
    std::size_t width = 0;
    for (const auto& m : list.models)
        width = std::max(width, m.id.size());
    for (const auto& m : list.models)
        std::printf("%-*s  %s\n", static_cast<int>(width), m.id.c_str(), m.description.c_str());
}

} // namespace

int runModels(const Args& args)
{
    if (!args.positional.empty())
        throw Exit{2, "models takes no positional arguments (see --help)"};
    const auto providerId = args.value("--provider");
    if (!providerId)
        throw Exit{2, "models needs --provider ID"};
    const ModelList list = *providerId == "simulated" ? simulatedModels() : fetch(args, *providerId);
    if (list.error)
        throw Exit{1, describeError(list.error)};
    print(list, args.has("--json"));
    if (!list.listed)
        std::fprintf(stderr, "[%s cannot list its models; these are the configured ones]\n", providerId->c_str());
    else if (*providerId == "simulated")
        std::fprintf(stderr, "[%zu models · simulated]\n", list.models.size());
    else
        std::fprintf(stderr, "[%zu models · %.0f ms]\n", list.models.size(), list.elapsedMs);
    return 0;
}

} // namespace ts::cli
