#pragma once
#include "prompts/prompt_version.h"

#include <QDialog>

class QTableWidget;
class QTextBrowser;

namespace ts::ui {

namespace diff {
struct Result;
}

// One side of a side-by-side word diff as HTML: the old side shows what the new one dropped (red,
// struck through), the new side what it added (green); common words plain.
enum class DiffSide { Before, After };
QString sideHtml(const diff::Result& result, DiffSide side);

// Two versions of a saved prompt side by side: system prompt and template word by word, and a
// table of the settings that differ (model, temperature, max tokens, tools, variable values...).
class VersionCompareDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Section { System, Template };

    VersionCompareDialog(const prompts::PromptVersion& before, const prompts::PromptVersion& after,
                         QWidget* parent = nullptr);

    QTextBrowser* view(Section section, DiffSide side) const;
    QTableWidget* settings() const { return settings_; }

private:
    void addSection(Section section, const QString& title, const std::string& before, const std::string& after);
    void fillSettings();

    prompts::PromptVersion before_;
    prompts::PromptVersion after_;
    QTextBrowser* views_[2][2] = {};
    QTableWidget* settings_;
};

} // namespace ts::ui
