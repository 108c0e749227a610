#include "verbs.h"

#include "gateway/pipeline.h"
#include "providers/error_category.h"
#include "provider_choice.h"
#include "providers/provider_setup.h"
#include "trace/workspace_paths.h"

#include <csignal>
#include <cstdio>
#include <iostream>
#include <iterator>

namespace ts::cli {

namespace {

CancelToken* g_cancel = nullptr;

void onInterrupt(int) { if (g_cancel) g_cancel->cancel(); }

std::string promptFrom(const Args& args)
{
    if (args.positional.size() != 1)
        throw Exit{2, "chat wants exactly one PROMPT (or - to read it from standard input)"};
    if (args.positional[0] != "-")
        return args.positional[0];
    return std::string(std::istreambuf_iterator<char>(std::cin), {});
}

ChatRequest requestFrom(const Args& args)
{
    ChatRequest r;
    r.provider = args.valueOr("--provider", "simulated");
    r.model = args.valueOr("--model", r.provider == "simulated" ? "gpt-4o-mini" : "");
    if (r.model.empty())
        throw Exit{2, "chat needs --model for provider '" + r.provider + "'"};
    if (auto system = args.value("--system"))
        r.messages.push_back({Role::System, *system});
    r.messages.push_back({Role::User, promptFrom(args)});
    if (args.value("--temperature"))
        r.temperature = parseDoubleOption(args, "--temperature", 1.0, 0.0, 2.0);
    if (args.value("--max-tokens"))
        r.maxTokens = parseIntOption(args, "--max-tokens", 0, 1, 1'000'000);
    r.meta.source = "cli";
    r.meta.user = args.valueOr("--user", "");
    r.meta.session = args.valueOr("--session", "");
    return r;
}

// The registry for a chat with `providerId`: the simulated provider and every usable profile, or a
// one-line reason why the chosen one is not among them.
std::shared_ptr<ProviderRegistry> providersFor(const Args& args, const std::string& providerId)
{
    const ProviderProfiles profiles = chosenProfiles(args, providerId);
    const KeyLookup keys = environmentKeys();
    auto providers = makeProviders(profiles, keys);
    if (providers->find(providerId))
        return providers;
    const ProviderProfile& profile = requireProfile(profiles, providerId);
    throw Exit{1, "provider '" + providerId + "' is not configured: " +
                      unusableReason(profile, keys(profile).value_or(std::string())) + " (" +
                      describeProviders(*providers) + ")"};
}

void printStats(const PipelineResult& r)
{
    std::string ttft = r.ttftMs ? std::to_string(static_cast<long long>(*r.ttftMs)) + " ms" : "-";
    std::fprintf(stderr, "\n[%lld in · %lld out · $%.6f · TTFT %s · trace %s%s]\n",
                 static_cast<long long>(r.response.usage.inputTokens), static_cast<long long>(r.response.usage.outputTokens),
                 r.cost.total(), ttft.c_str(), r.traceId.c_str(), r.simulated ? " · simulated" : "");
}

} // namespace

int runChat(const Args& args)
{
    ChatRequest request = requestFrom(args);
    auto providers = providersFor(args, request.provider);
    auto store = openWorkspace(args, TraceStore::OpenMode::CreateIfMissing, defaultWorkspacePath());
    Pipeline pipeline(providers, [&](Trace t) { store->write(std::move(t)); });

    CancelToken cancel;
    g_cancel = &cancel;
    std::signal(SIGINT, onInterrupt);
    RunOptions options;
    options.cancel = &cancel;
    options.onText = [](std::string_view delta, Nanos) {
        std::fwrite(delta.data(), 1, delta.size(), stdout);
        std::fflush(stdout);
        return true;
    };
    const PipelineResult result = pipeline.run(std::move(request), options);
    g_cancel = nullptr;
    store->flush();
    for (const auto& call : result.response.toolCalls)
        std::printf("[tool call %s(%s)]\n", call.name.c_str(), call.arguments.c_str());
    printStats(result);
    if (!result.ok())
        throw Exit{1, describeError(result.error)};
    return 0;
}

} // namespace ts::cli
