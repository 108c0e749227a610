#pragma once
class QAbstractItemModel;
class QTableView;
class QWidget;

namespace ts::ui::costpanel {

// A read-only table over `model` through a proxy sorting on `sortRole` (numbers as numbers), rows
// selected whole, the last column stretched.
QTableView* sortedTable(QAbstractItemModel* model, int sortRole, QWidget* parent);

} // namespace ts::ui::costpanel
