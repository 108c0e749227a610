#include "settings/catalog_table_model.h"

#include "settings/catalog_columns.h"
#include "settings/catalog_editor.h"

#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QString keyOf(const ModelInfo& m)
{
    return QString::fromStdString(m.provider + '/' + m.id);
}

bool sameModels(const Catalog& a, const Catalog& b)
{
    if (a.models().size() != b.models().size())
        return false;
    for (std::size_t i = 0; i < a.models().size(); ++i)
        if (a.models()[i].id != b.models()[i].id || a.models()[i].provider != b.models()[i].provider)
            return false;
    return true;
}

} // namespace

CatalogTableModel::CatalogTableModel(CatalogEditor* editor, QObject* parent)
    : QAbstractTableModel(parent), editor_(editor)
{
    for (const ModelInfo& m : Catalog::builtin().models())
        shipped_.insert(keyOf(m), &m);
    connect(editor_, &CatalogEditor::catalogChanged, this, &CatalogTableModel::setCatalog);
    setCatalog(editor_->catalog());
}

void CatalogTableModel::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    if (catalog_ && catalog && sameModels(*catalog_, *catalog)) {
        catalog_ = std::move(catalog);
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    catalog_ = std::move(catalog);
    endResetModel();
}

const ModelInfo* CatalogTableModel::modelAt(int row) const
{
    return catalog_ && row >= 0 && row < rowCount() ? &catalog_->models()[static_cast<std::size_t>(row)]
                                                    : nullptr;
}

bool CatalogTableModel::overridden(int row) const
{
    const ModelInfo* m = modelAt(row);
    return m && !m->origin.empty() && m->origin != "shipped";
}

int CatalogTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !catalog_ ? 0 : static_cast<int>(catalog_->models().size());
}

int CatalogTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : catalogcol::Count;
}

const ModelInfo* CatalogTableModel::shipped(const ModelInfo& m) const
{
    return shipped_.value(keyOf(m), nullptr);
}

bool CatalogTableModel::cellOverridden(const ModelInfo& m, int column) const
{
    if (m.origin.empty() || m.origin == "shipped")
        return false;
    const ModelInfo* s = shipped(m);
    return !s || catalogcol::differs(m, *s, column);
}

QVariant CatalogTableModel::toolTip(const ModelInfo& m, int column) const
{
    if (column == catalogcol::Model && !m.name.empty())
        return QString::fromStdString(m.name);
    const bool overridden = cellOverridden(m, column);
    const QString tiers = catalogcol::tiers(m, column);
    if (!overridden && !tiers.isEmpty())
        return tiers;
    if (column == catalogcol::Source || column == catalogcol::Tokenizer)
        return catalogcol::display(m, column);
    if (!overridden)
        return {};
    const ModelInfo* s = shipped(m);
    const QString from = u"Overridden in "_s + QString::fromStdString(m.origin);
    return QString(
        from + (s ? u"\nShipped: "_s + catalogcol::display(*s, column) : u"\nNot in the shipped catalog"_s));
}

QVariant CatalogTableModel::data(const QModelIndex& index, int role) const
{
    const ModelInfo* m = modelAt(index.row());
    if (!m || index.column() >= catalogcol::Count)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return catalogcol::display(*m, column);
    case Qt::EditRole:
        return catalogcol::editText(*m, column);
    case Qt::ToolTipRole:
        return toolTip(*m, column);
    case SortRole:
        return catalogcol::sortKey(*m, column);
    case SearchRole:
        return QString::fromStdString(m->provider + ' ' + m->id + ' ' + m->name);
    case OverriddenRole:
        return cellOverridden(*m, column);
    case Qt::TextAlignmentRole:
        return column >= catalogcol::Context && column <= catalogcol::Batch
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::BackgroundRole:
        return cellOverridden(*m, column) ? QVariant(QColor(224, 142, 11, 40))
                                          : QVariant(); // amber wash, either theme
    case Qt::FontRole: {
        if (!cellOverridden(*m, column))
            return {};
        QFont font;
        font.setBold(true);
        font.setItalic(true);
        return font;
    }
    default:
        return {};
    }
}

QVariant CatalogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole)
        return catalogcol::header(section);
    if (role == Qt::ToolTipRole)
        return catalogcol::headerTip(section);
    if (role == Qt::TextAlignmentRole && section >= catalogcol::Context && section <= catalogcol::Batch)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

Qt::ItemFlags CatalogTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    return index.isValid() && catalogcol::editable(index.column()) ? f | Qt::ItemIsEditable : f;
}

bool CatalogTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    const ModelInfo* m = modelAt(index.row());
    if (role != Qt::EditRole || !m || !catalogcol::editable(index.column()))
        return false;
    if (value.toString() == catalogcol::editText(*m, index.column()))
        return false;          // unchanged: write nothing
    const ModelInfo copy = *m; // the edit replaces the snapshot m lives in
    return editor_->setCell(copy, index.column(), value.toString());
}

} // namespace ts::ui
