#pragma once
#include <QTimer>
#include <QTreeWidget>

#include <functional>
#include <memory>
#include <vector>

namespace ts {
class Governor;
}

namespace ts::ui {

class GatewayController;

// Live state of the applied config's governor, refreshed every second while shown: budgets
// (spent, held, limit, when they reset), each deployment's circuit breaker, and rate-limit
// headroom per deployment and key. Reads only the governor's thread-safe getters.
class GovernorStatus : public QTreeWidget
{
    Q_OBJECT
public:
    explicit GovernorStatus(GatewayController* controller, QWidget* parent = nullptr);

    void refresh(); // now (the timer calls it)
    QStringList allText() const;

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    using Update = std::function<QStringList(Governor&)>; // the columns after the first (one: Now)
    void rebuild();
    void addRow(QTreeWidgetItem* section, const QString& what, Update update);

    GatewayController* controller_;
    std::shared_ptr<Governor> governor_;
    std::vector<std::pair<QTreeWidgetItem*, Update>> rows_;
    QTimer timer_;
};

} // namespace ts::ui
