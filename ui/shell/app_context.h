#pragma once
#include "gateway/pipeline.h"
#include "trace/store.h"

#include <QString>

#include <memory>

namespace ts::ui {

// What the window is opened on: passed in, never reached through a global.
struct AppContext
{
    std::shared_ptr<TraceStore> store;
    std::shared_ptr<Pipeline> pipeline;
    QString workspacePath;
    bool demo = false; // the demo workspace: generated traffic, said so in the window
};

} // namespace ts::ui
