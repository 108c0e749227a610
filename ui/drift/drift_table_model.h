#pragma once
#include "analytics/drift_report.h"

#include <QAbstractTableModel>

namespace ts::ui::drift {

// The metrics of one DriftReport, a row each, in the report's order. The model owns the report it shows;
// a new report with the same metrics updates the cells in place, so the selected row stays selected.
class DriftTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Metric, Baseline, Current, Change, Psi, KsD, Evidence, Verdict, ColumnCount };
    enum Role { MetricIdRole = Qt::UserRole, DriftedRole, JudgedRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setReport(analytics::DriftReport report);
    const analytics::DriftReport& report() const { return report_; }
    int rowOf(const std::string& id) const; // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(const analytics::DriftMetric& metric, int column) const;

    analytics::DriftReport report_;
};

} // namespace ts::ui::drift
