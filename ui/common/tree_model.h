#pragma once
#include <QAbstractItemModel>

#include <memory>
#include <utility>
#include <vector>

namespace ts::ui {

// One node of a TreeModel: the row's value, its children and its place under its parent.
template <typename T>
struct TreeItem
{
    T value{};
    TreeItem* parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<TreeItem>> children;

    TreeItem& append(T child)
    {
        auto item = std::make_unique<TreeItem>();
        item->value = std::move(child);
        item->parent = this;
        item->row = static_cast<int>(children.size());
        children.push_back(std::move(item));
        return *children.back();
    }
};

// A read-only item model over a tree of TreeItem<T> (hotspot's treemodel.h idea). The concrete
// model (CRTP) supplies only what differs:
//   static constexpr int kColumnCount;
//   QVariant cell(const T& value, int column, int role) const;
//   QVariant header(int section, int role) const;
// and hands a freshly built tree to setTree(); the tree is an immutable snapshot until the next one.
template <typename T, typename Impl>
class TreeModel : public QAbstractItemModel
{
public:
    using Item = TreeItem<T>;
    using QAbstractItemModel::QAbstractItemModel;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override
    {
        if (!hasIndex(row, column, parent))
            return {};
        return createIndex(row, column, itemOrRoot(parent)->children[static_cast<size_t>(row)].get());
    }

    QModelIndex parent(const QModelIndex& child) const override
    {
        const Item* item = itemAt(child);
        if (!item || item->parent == root_.get())
            return {};
        return createIndex(item->parent->row, 0, item->parent);
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        if (parent.column() > 0)
            return 0;
        return static_cast<int>(itemOrRoot(parent)->children.size());
    }

    int columnCount(const QModelIndex& = {}) const override { return Impl::kColumnCount; }

    QVariant data(const QModelIndex& index, int role) const override
    {
        const Item* item = itemAt(index);
        return item ? impl().cell(item->value, index.column(), role) : QVariant{};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        return orientation == Qt::Horizontal ? impl().header(section, role) : QVariant{};
    }

    const T* valueAt(const QModelIndex& index) const
    {
        const Item* item = itemAt(index);
        return item ? &item->value : nullptr;
    }

    // Depth-first search for the first item whose value satisfies pred.
    template <typename Pred>
    QModelIndex find(Pred pred) const
    {
        return findUnder(*root_, pred);
    }

protected:
    void setTree(std::unique_ptr<Item> root)
    {
        beginResetModel();
        root_ = std::move(root);
        endResetModel();
    }

private:
    const Impl& impl() const { return static_cast<const Impl&>(*this); }

    const Item* itemAt(const QModelIndex& index) const
    {
        return index.isValid() ? static_cast<const Item*>(index.internalPointer()) : nullptr;
    }

    const Item* itemOrRoot(const QModelIndex& index) const
    {
        const Item* item = itemAt(index);
        return item ? item : root_.get();
    }

    template <typename Pred>
    QModelIndex findUnder(const Item& item, Pred& pred) const
    {
        for (const auto& child : item.children) {
            if (pred(child->value))
                return createIndex(child->row, 0, child.get());
            if (QModelIndex found = findUnder(*child, pred); found.isValid())
                return found;
        }
        return {};
    }

    std::unique_ptr<Item> root_ = std::make_unique<Item>();
};

} // namespace ts::ui
