#pragma once
#include <QTreeWidget>

namespace ts {
struct GatewayConfig;
}

namespace ts::ui {

// What a gateway config means, read-only: routes with their strategy and deployments in order,
// tier rules, budgets, keys by name (never the key itself) and the breaker settings.
class ConfigSummary : public QTreeWidget
{
    Q_OBJECT
public:
    explicit ConfigSummary(QWidget* parent = nullptr);

    void showConfig(const GatewayConfig& config);
    void showNothing(const QString& why); // no config, or one with errors
    QStringList allText() const;          // every cell, for tests
};

} // namespace ts::ui
