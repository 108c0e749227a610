#pragma once
#include "settings/provider_list_model.h"

#include <QWidget>

class QTableView;

namespace ts::ui {

// The left side of Settings › Providers: the profiles as a table, with Add, Edit, Duplicate and
// Remove under it, and where the profiles are saved.
class ProvidersList : public QWidget
{
    Q_OBJECT
public:
    explicit ProvidersList(const QString& profilesPath, QWidget* parent = nullptr);

    // Replaces the rows, keeping `keep` selected (if it is still there) without a currentChanged().
    void setRows(std::vector<ProviderRow> rows, const QString& keep);
    QString selectedId() const;
    bool select(const QString& id);
    bool selectFirst();
    void clearSelection();
    ProviderListModel* model() const { return model_; }
    QTableView* view() const { return view_; }

Q_SIGNALS:
    void currentChanged();
    void addRequested();
    void editRequested();
    void duplicateRequested();
    void removeRequested();

private:
    ProviderListModel* model_;
    QTableView* view_;
};

} // namespace ts::ui
