#pragma once
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ts::ui {

class CatalogEditor;
class CatalogTableModel;

// Settings › Models & prices: the catalog as a filterable, sortable table whose prices and limits
// can be overridden in place, with any problem in the override file shown above it.
class ModelsPage : public QWidget
{
    Q_OBJECT
  public:
    explicit ModelsPage(CatalogEditor* editor, QWidget* parent = nullptr);

    CatalogTableModel* model() const { return model_; }
    QSortFilterProxyModel* proxy() const { return proxy_; }
    QTableView* view() const { return view_; }
    QLineEdit* search() const { return search_; }
    QString bannerText() const;
    void resetSelected();
    void openOverrideFile();

  private:
    QWidget* buildToolbar();
    void buildView();
    void refresh();
    void showError(const QString& message);
    int selectedRow() const;
    void updateButtons();

    CatalogEditor* editor_;
    CatalogTableModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* view_;
    QLineEdit* search_;
    QLabel* banner_;
    QLabel* source_;
    QLabel* shown_;
    QLabel* error_;
    QPushButton* reset_;
    QPushButton* open_;
};

} // namespace ts::ui
