#pragma once
#include <QString>

// The "guard" section of the gateway config file, read out of and written back into the file's
// text without touching a byte of its other sections.
namespace ts::ui::guardpanel {

struct GuardSection
{
    bool present = false;
    QString text;  // the section pretty-printed, "" when absent
    QString error; // the file is not a JSON object
};

GuardSection guardSectionOf(const QString& configText);

struct SplicedConfig
{
    QString text;
    QString error; // why it could not be done; then text is empty
};

// The config with its "guard" member set to `guardJson` (added as the last member when absent)
// or removed when `guardJson` is blank. Every other byte stays as it was. An empty config becomes
// an object holding the section alone.
SplicedConfig withGuardSection(const QString& configText, const QString& guardJson);

} // namespace ts::ui::guardpanel
