#include "workspace_choice.h"

#include "providers/provider_profile.h"
#include "settings/provider_config.h"
#include "trace/workspace_paths.h"

#include <cstdio>
#include <mutex>

namespace ts::app {

namespace {

// TOKENSCOPE_KEYCHAIN=off keeps the app away from the OS keychain (keys from the environment only).
std::unique_ptr<ui::KeyStore> keyStore()
{
    if (qEnvironmentVariable("TOKENSCOPE_KEYCHAIN") == QLatin1String("off"))
        return nullptr;
    return std::make_unique<ui::KeychainStore>();
}

} // namespace

WorkspaceChoice chooseWorkspace(const QString& db)
{
    if (!db.isEmpty())
        return {db, false, false};
    if (fileExists(defaultWorkspacePath()))
        return {QString::fromStdString(defaultWorkspacePath()), false, false};
    const bool fresh = !fileExists(demoWorkspacePath());
    return {QString::fromStdString(demoWorkspacePath()), true, fresh};
}

ui::AppContext openContext(const WorkspaceChoice& choice)
{
    ui::AppContext ctx;
    ctx.workspacePath = choice.path;
    ctx.demo = choice.demo;
    ctx.store = TraceStore::open(choice.path.toStdString(),
                                 choice.demo ? TraceStore::OpenMode::CreateIfMissing : TraceStore::OpenMode::ExistingOnly);
    Pipeline::TraceSink sink = [store = ctx.store](Trace t) { store->write(std::move(t)); };
    if (choice.demo) {
        // Simulated traffic may join the demo; anything real goes to the user's own workspace.
        auto own = std::make_shared<std::shared_ptr<TraceStore>>();
        auto mutex = std::make_shared<std::mutex>();
        sink = [demo = ctx.store, own, mutex](Trace t) {
            if (t.summary.simulated)
                return demo->write(std::move(t));
            std::lock_guard lock(*mutex);
            try {
                if (!*own)
                    *own = TraceStore::open(defaultWorkspacePath(), TraceStore::OpenMode::CreateIfMissing);
                (*own)->write(std::move(t));
            } catch (const WorkspaceError& e) {
                std::fprintf(stderr, "tokenscope: trace %s not recorded: %s\n", t.traceId.c_str(), e.what());
            }
        };
    }
    // Environment keys at once, so the window opens without waiting; the keychain's keys follow
    // (ProviderConfig::reload swaps in the full registry when its reads are in).
    const std::string profilesPath = providerProfilesPath();
    const auto profiles = ProviderProfiles::load(profilesPath).mergedWith(ProviderProfiles::fromEnvironment());
    ctx.pipeline = std::make_shared<Pipeline>(makeProviders(profiles, environmentKeys()), sink);
    ctx.providers = std::make_shared<ui::ProviderConfig>(ctx.pipeline, QString::fromStdString(profilesPath), keyStore());
    return ctx;
}

} // namespace ts::app
