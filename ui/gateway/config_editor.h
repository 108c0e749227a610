#pragma once
#include "gateway/gateway_config.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;

namespace ts::ui {

// The gateway config as JSON text, checked as it is typed (parseGatewayConfig, after a short
// pause): problems are listed by their path, and clicking one puts the cursor where it points.
class ConfigEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ConfigEditor(QWidget* parent = nullptr);

    void setText(const QString& text); // validates at once, no "edited" signal
    QString text() const;
    const GatewayConfigResult& result() const { return result_; }
    QPlainTextEdit* edit() const { return edit_; }
    QListWidget* errorList() const { return errors_; }
    void validateNow();
    void goToError(int row);

Q_SIGNALS:
    void edited();    // the user typed
    void validated(); // result() is fresh

private:
    void showErrors();

    QPlainTextEdit* edit_;
    QLabel* verdict_;
    QListWidget* errors_;
    QTimer debounce_;
    GatewayConfigResult result_;
};

} // namespace ts::ui
