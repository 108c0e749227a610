#include "gateway/gateway_switch.h"

#include "gateway/gateway_controller.h"

#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QPainter>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {

QIcon dot(const QColor& color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(2, 2, 8, 8));
    return QIcon(pixmap);
}

QColor stateColor(const GatewayController& c)
{
    switch (c.state()) {
    case GatewayController::State::On: return QColor(0x2e, 0xa0, 0x43);
    case GatewayController::State::Starting:
    case GatewayController::State::Stopping: return QColor(0xe6, 0xa2, 0x17);
    case GatewayController::State::Off: break;
    }
    return c.error().isEmpty() ? QColor(0x9a, 0x9a, 0x9a) : QColor(0xd0, 0x3b, 0x3b);
}

} // namespace

GatewaySwitch::GatewaySwitch(GatewayController* controller, QWidget* parent)
    : QToolButton(parent), controller_(controller)
{
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setPopupMode(QToolButton::MenuButtonPopup);
    setAccessibleName(u"Local gateway"_s);
    auto* menu = new QMenu(this);
    toggle_ = menu->addAction(QString());
    copyUrl_ = menu->addAction(u"Copy base URL"_s);
    menu->addSeparator();
    QAction* routing = menu->addAction(u"Routing settings…"_s);
    setMenu(menu);
    connect(this, &QToolButton::clicked, controller_, &GatewayController::toggle);
    connect(toggle_, &QAction::triggered, controller_, &GatewayController::toggle);
    connect(copyUrl_, &QAction::triggered, this, [this] { QApplication::clipboard()->setText(controller_->baseUrl()); });
    connect(routing, &QAction::triggered, this, &GatewaySwitch::routingSettingsRequested);
    connect(controller_, &GatewayController::stateChanged, this, &GatewaySwitch::refresh);
    connect(controller_, &GatewayController::requestsChanged, this, &GatewaySwitch::refresh);
    refresh();
}

void GatewaySwitch::refresh()
{
    const auto state = controller_->state();
    setText(controller_->statusText());
    setIcon(dot(stateColor(*controller_)));
    const bool busy = state == GatewayController::State::Starting || state == GatewayController::State::Stopping;
    setEnabled(!busy);
    toggle_->setText(state == GatewayController::State::Off ? u"Start gateway on "_s + controller_->listenText()
                                                            : u"Stop gateway"_s);
    copyUrl_->setEnabled(state == GatewayController::State::On);
    if (!controller_->error().isEmpty() && state == GatewayController::State::Off)
        setToolTip(controller_->error());
    else if (state == GatewayController::State::On)
        setToolTip(u"OpenAI and Anthropic clients can use "_s + controller_->baseUrl() +
                   u"/v1 as their base URL. Click to stop."_s);
    else
        setToolTip(u"Click to start the local gateway on "_s + controller_->listenText());
}

} // namespace ts::ui
