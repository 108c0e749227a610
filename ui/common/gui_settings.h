#pragma once
#include <QSettings>
#include <QString>
#include <QStringList>

// What the window remembers between runs (QSettings: ~/.config/tokenscope/gui.conf).
// TOKENSCOPE_SETTINGS names an INI file instead, so tests never touch the user's own settings.
namespace ts::ui {

QSettings guiSettings();

// Workspaces opened lately, most recent first, those whose file is gone left out; at most kMax.
inline constexpr int kMaxRecentWorkspaces = 8;
QStringList recentWorkspaces();
void rememberWorkspace(const QString& path);

} // namespace ts::ui
