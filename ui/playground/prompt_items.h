#pragma once
#include "prompts/prompt_version.h"

#include <QString>

#include <vector>

class QStandardItemModel;

// The rows of the prompt library's two lists, built from value snapshots.
namespace ts::ui::prompt_items {

enum Role { IdRole = Qt::UserRole + 1, NumberRole, PinnedRole };

enum PromptColumn { PromptName, PromptVersions, PromptPinned, PromptColumnCount };
enum VersionColumn { VersionNumber, VersionWhen, VersionModel, VersionText, VersionColumnCount };

inline constexpr QChar kPinMark = QChar(0x2605); // ★

// The template's first line that has text, shortened.
QString firstLine(const std::string& text, int maxChars = 80);

void fillPrompts(QStandardItemModel* model, const std::vector<prompts::PromptSummary>& prompts);
void fillVersions(QStandardItemModel* model, const std::vector<prompts::PromptVersion>& versions, Nanos now);

} // namespace ts::ui::prompt_items
