#include "gateway/listen_field.h"

#include "common/gui_settings.h"
#include "gateway/gateway_controller.h"
#include "gateway/listen_address.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace ts::ui {

namespace {
const QString kSettingsKey = u"gateway/listen"_s;
} // namespace

ListenField::ListenField(GatewayController* controller, QWidget* parent)
    : QWidget(parent), controller_(controller), edit_(new QLineEdit(this)), note_(new QLabel(this))
{
    const QString saved = guiSettings().value(kSettingsKey).toString();
    if (!saved.isEmpty())
        controller_->setListenAddress(saved);
    edit_->setText(controller_->listenText());
    edit_->setPlaceholderText(defaultListenText());
    edit_->setMaximumWidth(220);
    edit_->setAccessibleName(u"Listen address"_s);
    edit_->setToolTip(u"HOST:PORT. 127.0.0.1 keeps the gateway to this machine; any other address needs "
                      u"virtual keys in the config. Takes effect the next time the gateway starts."_s);
    note_->setWordWrap(true);
    note_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(u"Listen on"_s, this));
    layout->addWidget(edit_);
    layout->addWidget(note_, 1);
    connect(edit_, &QLineEdit::editingFinished, this, &ListenField::commit);
    connect(edit_, &QLineEdit::textChanged, this, &ListenField::refresh);
    connect(controller_, &GatewayController::stateChanged, this, &ListenField::refresh);
    connect(controller_, &GatewayController::configApplied, this, &ListenField::refresh);
    refresh();
}

QString ListenField::note() const { return note_->text(); }

void ListenField::commit()
{
    const QString text = edit_->text().trimmed().isEmpty() ? defaultListenText() : edit_->text().trimmed();
    if (!parseListenAddress(text).ok())
        return;
    controller_->setListenAddress(text);
    guiSettings().setValue(kSettingsKey, text);
    refresh();
}

void ListenField::refresh()
{
    const QString text = edit_->text().trimmed().isEmpty() ? defaultListenText() : edit_->text().trimmed();
    const ListenAddress address = parseListenAddress(text);
    const auto config = controller_->config();
    const bool off = controller_->state() == GatewayController::State::Off;
    QString note, color = u"#c62828"_s;
    if (!address.ok()) {
        note = u"Not an address: "_s + address.error + u'.';
    } else if (!controller_->error().isEmpty() && off) {
        note = controller_->error();
    } else if (!address.loopback() && (!config || config->keys.empty())) {
        note = u"Off loopback every client must present a virtual key: add \"keys\" to the config and apply it, "
               u"or the gateway refuses to start."_s;
    } else if (!off && text != controller_->listenText()) {
        note = u"Takes effect the next time the gateway starts."_s;
        color = u"#666666"_s;
    } else if (controller_->running()) {
        note = u"Listening: point an OpenAI or Anthropic SDK's base URL at "_s + controller_->baseUrl() + u"/v1"_s;
        color = u"#2e7d32"_s;
    }
    note_->setText(note);
    note_->setStyleSheet(u"color: "_s + color + u';');
}

} // namespace ts::ui
