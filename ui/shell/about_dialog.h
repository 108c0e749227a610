#pragma once
#include <QDialog>

class QTableWidget;

namespace ts::ui {

// Help ▸ About Tokenscope: what this is, its version, the libraries it runs with (Qt's own among
// them) and the price snapshot, and the workspace it has open; Copy puts all of it on the clipboard
// as plain text, for a bug report.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    AboutDialog(const QString& workspacePath, QWidget* parent = nullptr);

    QTableWidget* components() const { return table_; }
    QString text() const; // what Copy puts on the clipboard

private:
    QTableWidget* table_;
};

} // namespace ts::ui
