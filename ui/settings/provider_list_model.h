#pragma once
#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace ts::ui {

// One line of Settings › Providers: a snapshot, so the table never reads a profile that changed.
struct ProviderRow
{
    QString id;
    QString kind;
    QString baseUrl;     // as configured; empty: the kind's default
    QString defaultUrl;  // shown greyed when baseUrl is empty
    QString keySource;   // "keychain", "environment: OPENAI_API_KEY", "missing"
    QString origin;      // "file" or "environment"
    bool enabled = true;
};

class ProviderListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Kind, BaseUrl, Key, Enabled, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;
    void setRows(std::vector<ProviderRow> rows);
    const ProviderRow* row(int r) const;
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<ProviderRow> rows_;
};

} // namespace ts::ui
