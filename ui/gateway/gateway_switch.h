#pragma once
#include <QToolButton>

class QAction;

namespace ts::ui {

class GatewayController;

// The status bar's gateway switch: "Gateway: on · http://127.0.0.1:4141 · 3 requests". A click
// starts or stops the gateway; its menu copies the base URL and opens Settings › Routing.
class GatewaySwitch : public QToolButton
{
    Q_OBJECT
public:
    explicit GatewaySwitch(GatewayController* controller, QWidget* parent = nullptr);

    QAction* copyUrlAction() const { return copyUrl_; }

Q_SIGNALS:
    void routingSettingsRequested();

private:
    void refresh();

    GatewayController* controller_;
    QAction* toggle_;
    QAction* copyUrl_;
};

} // namespace ts::ui
