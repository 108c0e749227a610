#include "common/gui_settings.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

constexpr auto kRecentKey = "workspaces/recent"_L1;

} // namespace

QSettings guiSettings()
{
    if (const QString file = qEnvironmentVariable("TOKENSCOPE_SETTINGS"); !file.isEmpty())
        return QSettings(file, QSettings::IniFormat);
    return QSettings(u"tokenscope"_s, u"gui"_s);
}

QStringList recentWorkspaces()
{
    QStringList out;
    for (const QString& path : guiSettings().value(kRecentKey).toStringList())
        if (QFileInfo::exists(path) && !out.contains(path) && out.size() < kMaxRecentWorkspaces)
            out.append(path);
    return out;
}

void rememberWorkspace(const QString& path)
{
    if (path.isEmpty())
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = recentWorkspaces();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxRecentWorkspaces)
        list.removeLast();
    guiSettings().setValue(kRecentKey, list);
}

} // namespace ts::ui
