#include "settings/provider_list_model.h"

#include <QColor>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace ts::ui {

void ProviderListModel::setRows(std::vector<ProviderRow> rows)
{
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

const ProviderRow* ProviderListModel::row(int r) const
{
    return r >= 0 && r < rowCount() ? &rows_[static_cast<std::size_t>(r)] : nullptr;
}

int ProviderListModel::rowOf(const QString& id) const
{
    for (int r = 0; r < rowCount(); ++r)
        if (rows_[static_cast<std::size_t>(r)].id == id)
            return r;
    return -1;
}

int ProviderListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ProviderListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ProviderListModel::data(const QModelIndex& index, int role) const
{
    const ProviderRow* r = row(index.row());
    if (!r || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Id: return r->id;
        case Kind: return r->kind;
        case BaseUrl: return r->baseUrl.isEmpty() ? r->defaultUrl : r->baseUrl;
        case Key: return r->keySource;
        case Enabled: return r->enabled ? u"yes"_s : u"no"_s;
        case ColumnCount: break;
        }
    }
    if (role == Qt::ForegroundRole && ((column == BaseUrl && r->baseUrl.isEmpty()) || !r->enabled))
        return QPalette().color(QPalette::PlaceholderText);
    if (role == Qt::ForegroundRole && column == Key && r->keySource == u"missing"_s)
        return QColor(0xc0, 0x39, 0x2b);
    if (role == Qt::ToolTipRole && column == BaseUrl && r->baseUrl.isEmpty())
        return QString(u"The kind's default endpoint"_s);
    if (role == Qt::ToolTipRole && column == Id)
        return QString(r->origin == u"file"_s ? u"From the providers file"_s : u"From the environment"_s);
    return {};
}

QVariant ProviderListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const QStringList titles{u"Id"_s, u"Kind"_s, u"Base URL"_s, u"Key"_s, u"Enabled"_s};
    return titles.value(section);
}

} // namespace ts::ui
