#pragma once

class QLineEdit;
class QSortFilterProxyModel;

namespace ts::ui {

// Filters `proxy` by what is typed in `box` (fixed string, any case) once typing pauses.
void wireSearch(QLineEdit* box, QSortFilterProxyModel* proxy, int debounceMs = 300);

} // namespace ts::ui
