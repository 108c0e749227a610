#pragma once
#include <QString>

namespace ts::ui {

// The gateway config file's text; these touch the disk, so call them on a worker.
struct ConfigFileText
{
    QString text;
    bool exists = false;
    QString error; // it exists but cannot be read
};

ConfigFileText readConfigFile(const QString& path);
// Atomic: the text goes to a temporary file beside it that replaces the file only once complete,
// so a reader (tokenscope-cli serve) never sees half a config. Returns "" or why it failed.
QString writeConfigFile(const QString& path, const QString& text);

// A starting point for a user with no file yet: two routes over the simulated provider.
QString exampleConfigText();

} // namespace ts::ui
