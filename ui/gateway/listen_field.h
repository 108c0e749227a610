#pragma once
#include <QWidget>

class QLabel;
class QLineEdit;

namespace ts::ui {

class GatewayController;

// Where the gateway listens (remembered between runs), with what stands in the way in words: a
// malformed address, an address off loopback without keys in the config, the last start failure.
class ListenField : public QWidget
{
    Q_OBJECT
public:
    explicit ListenField(GatewayController* controller, QWidget* parent = nullptr);

    QLineEdit* edit() const { return edit_; }
    QString note() const;

private:
    void commit();
    void refresh();

    GatewayController* controller_;
    QLineEdit* edit_;
    QLabel* note_;
};

} // namespace ts::ui
