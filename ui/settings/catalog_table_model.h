#pragma once
#include "catalog/catalog.h"

#include <QAbstractTableModel>
#include <QHash>
#include <memory>

namespace ts::ui {

class CatalogEditor;

// The catalog as a table, one model a row. Owns the snapshot it shows; a new snapshot with the
// same models updates the cells in place (so the selection survives an edit). Edits go through
// the CatalogEditor, which writes the override file and hands back the new snapshot.
class CatalogTableModel : public QAbstractTableModel
{
    Q_OBJECT
  public:
    enum Role { SortRole = Qt::UserRole + 1, SearchRole, OverriddenRole };

    explicit CatalogTableModel(CatalogEditor* editor, QObject* parent = nullptr);

    void setCatalog(std::shared_ptr<const Catalog> catalog);
    const ModelInfo* modelAt(int row) const;
    bool overridden(int row) const; // the row differs from the shipped snapshot

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

  private:
    const ModelInfo* shipped(const ModelInfo& m) const;
    bool cellOverridden(const ModelInfo& m, int column) const;
    QVariant toolTip(const ModelInfo& m, int column) const;

    CatalogEditor* editor_;
    std::shared_ptr<const Catalog> catalog_;
    QHash<QString, const ModelInfo*> shipped_; // "provider/id" in Catalog::builtin()
};

} // namespace ts::ui
