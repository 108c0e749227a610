#pragma once
#include "guard/guard_analysis.h"

#include <QTableWidget>
#include <memory>

namespace ts::ui::guardpanel {

// The requests a guard stopped, newest first. Activating a row (double-click, Enter) asks for its
// trace to be opened.
class BlockedTable : public QTableWidget
{
    Q_OBJECT
  public:
    enum Column { Time, StageColumn, Policy, Reason, Types, Model, User, ColumnCount };

    explicit BlockedTable(QWidget* parent = nullptr);

    void setAnalysis(std::shared_ptr<const GuardAnalysis> analysis);
    int requestCount() const;
    QString traceIdAt(int row) const; // "" on the placeholder row

  Q_SIGNALS:
    void traceRequested(const QString& traceId);

  private:
    void setCell(int row, int column, const QString& text);
    void showPlaceholder(const QString& text);

    std::shared_ptr<const GuardAnalysis> analysis_;
};

} // namespace ts::ui::guardpanel
