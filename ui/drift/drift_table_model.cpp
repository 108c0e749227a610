#include "drift/drift_table_model.h"

#include "drift/drift_text.h"

#include <QBrush>
#include <QFont>

using namespace Qt::StringLiterals;

namespace ts::ui::drift {

namespace {

bool sameMetrics(const analytics::DriftReport& a, const analytics::DriftReport& b)
{
    if (a.metrics.size() != b.metrics.size())
        return false;
    for (std::size_t i = 0; i < a.metrics.size(); ++i)
        if (a.metrics[i].id != b.metrics[i].id)
            return false;
    return true;
}

} // namespace

void DriftTableModel::setReport(analytics::DriftReport report)
{
    if (!sameMetrics(report, report_)) {
        beginResetModel();
        report_ = std::move(report);
        endResetModel();
        return;
    }
    report_ = std::move(report);
    if (!report_.metrics.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int DriftTableModel::rowOf(const std::string& id) const
{
    for (std::size_t i = 0; i < report_.metrics.size(); ++i)
        if (report_.metrics[i].id == id)
            return static_cast<int>(i);
    return -1;
}

int DriftTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(report_.metrics.size());
}

int DriftTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DriftTableModel::text(const analytics::DriftMetric& m, int column) const
{
    switch (column) {
    case Metric: return QString::fromStdString(m.name);
    case Baseline: return text::level(m, false);
    case Current: return text::level(m, true);
    case Change: return text::change(m);
    case Psi: return text::psi(m);
    case KsD: return text::ksD(m);
    case Evidence: return text::evidence(m);
    case Verdict: return text::verdict(m);
    }
    return {};
}

QVariant DriftTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const analytics::DriftMetric& m = report_.metrics[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole: return text(m, index.column());
    case Qt::ToolTipRole: return text::tip(m, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == Metric || index.column() == Verdict
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole: {
        if (!m.drifted)
            return {};
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    case Qt::BackgroundRole: return m.drifted ? QBrush(QColor(u"#fde2e1"_s)) : QVariant();
    case Qt::ForegroundRole:
        if (m.drifted)
            return QBrush(QColor(u"#8b1a1a"_s));
        return index.column() == Verdict && !m.judged ? QBrush(QColor(u"#6b7280"_s)) : QVariant();
    case MetricIdRole: return QString::fromStdString(m.id);
    case DriftedRole: return m.drifted;
    case JudgedRole: return m.judged;
    }
    return {};
}

QVariant DriftTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Metric: return u"Metric"_s;
    case Baseline: return u"Baseline"_s;
    case Current: return u"Current"_s;
    case Change: return u"Change"_s;
    case Psi: return u"PSI"_s;
    case KsD: return u"KS D"_s;
    case Evidence: return u"p / z"_s;
    case Verdict: return u"Verdict"_s;
    }
    return {};
}

} // namespace ts::ui::drift
