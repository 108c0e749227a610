#pragma once
#include <QWidget>

class QLabel;
class QPushButton;

namespace ts::ui {

class ConfigEditor;
struct ConfigFileText;
class ConfigSummary;
class GatewayController;
class GovernorStatus;
class ListenField;

// Settings › Routing: the gateway config file (routes, tiers, budgets, keys) as JSON, checked as
// it is typed, what it means, Save (atomic; a file with problems may be saved, with a warning, but
// is never applied) and Apply (router and governor rebuilt on the running pipeline), the listen
// address, and the live state of budgets, breakers and rate limits. The file is read in the
// background; a valid one is applied when first read.
class RoutingPage : public QWidget
{
    Q_OBJECT
public:
    RoutingPage(GatewayController* controller, QString configPath, QWidget* parent = nullptr);

    void reload();
    void save();
    void apply();

    bool loading() const { return loading_; }
    bool dirty() const { return dirty_; }
    QString message() const;
    QString configPath() const { return path_; }
    ConfigEditor* editor() const { return editor_; }
    ConfigSummary* summary() const { return summary_; }
    GovernorStatus* status() const { return status_; }
    ListenField* listen() const { return listen_; }
    QPushButton* saveButton() const { return save_; }
    QPushButton* applyButton() const { return apply_; }

Q_SIGNALS:
    void loaded();
    void saved(const QString& problem); // "" when written

private:
    QWidget* buildHeader();
    QWidget* buildBody();
    QWidget* buildFooter();
    void onLoaded(const ConfigFileText& file);
    void onValidated();
    void say(const QString& text, bool problem = false);

    GatewayController* controller_;
    QString path_;
    ConfigEditor* editor_;
    ConfigSummary* summary_;
    GovernorStatus* status_;
    ListenField* listen_;
    QLabel* message_;
    QPushButton* save_;
    QPushButton* apply_;
    bool loading_ = false;
    bool saving_ = false;
    bool dirty_ = false;
    bool firstLoad_ = true;
};

} // namespace ts::ui
