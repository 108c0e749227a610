#pragma once
#include "compare/compare_outcome.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ts::ui {

// One line under the prompt once a comparison ends: how many answered, who was cheapest and
// fastest, and the session id to find the traces by.
QString compareSummary(const std::vector<std::optional<CompareOutcome>>& outcomes, const QStringList& titles,
                       const QString& sessionId);

} // namespace ts::ui
