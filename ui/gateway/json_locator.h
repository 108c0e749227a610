#pragma once
#include <QString>

#include <optional>

namespace ts::ui {

// Where in a JSON text a path such as "routes[1].deployments[0].weight" is (the member's key, or
// an array element's first character), as a character offset; the nearest enclosing node that
// exists when the path itself does not (a missing field). Tolerates broken JSON: what was read
// before the break is still found.
std::optional<int> locateJsonPath(const QString& text, const QString& path);

// Where a gateway config error points: "routes[1].name: missing" by its path, "not valid JSON:
// ... at line 3, column 5: ..." by its line and column.
std::optional<int> locateConfigError(const QString& text, const QString& error);

} // namespace ts::ui
