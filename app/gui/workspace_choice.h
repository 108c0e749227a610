#pragma once
#include "shell/app_context.h"

#include <QString>

namespace ts::app {

// Which workspace the window opens: --db if given (it must exist), else the user's own, else the
// demo workspace (generated on first start). Throws WorkspaceError with a message for the user.
struct WorkspaceChoice
{
    QString path;
    bool demo = false;
    bool needsDemoTraffic = false; // the demo file is new and empty
};

WorkspaceChoice chooseWorkspace(const QString& db);
// Opens the store and a pipeline whose real-provider traffic never lands in the demo workspace.
ui::AppContext openContext(const WorkspaceChoice& choice);

} // namespace ts::app
