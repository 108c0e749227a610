#pragma once
#include "gateway/pipeline.h"
#include "trace/store.h"

#include <QString>

#include <memory>

namespace ts::ui {

class ProviderConfig;

// What the window is opened on: passed in, never reached through a global.
struct AppContext
{
    std::shared_ptr<TraceStore> store;
    std::shared_ptr<Pipeline> pipeline;
    std::shared_ptr<ProviderConfig> providers; // profiles and keys behind the pipeline; may be null
    QString workspacePath;
    bool demo = false; // the demo workspace: generated traffic, said so in the window
};

} // namespace ts::ui
