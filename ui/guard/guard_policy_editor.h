#pragma once
#include <QString>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;

namespace ts::ui {
class GatewayController;
}

namespace ts::ui::guardpanel {

// The "guard" section of the gateway config file as JSON, checked as it is typed (parsePolicy, after
// a short pause; the problem is shown under the text and Save stays off while there is one), with
// the rule names and actions beside it and a "Default policy" button. Save writes that section
// alone back into the file (atomically) and applies the whole config to the running pipeline the
// way Settings › Routing does. The file is read and written off the GUI thread.
class PolicyEditor : public QWidget
{
    Q_OBJECT
  public:
    // `gateway` may be null: saved, not applied.
    PolicyEditor(QString configPath, GatewayController* gateway, QWidget* parent = nullptr);

    void reload();
    void save();
    void insertDefaultPolicy();
    void validateNow();
    void insertRule(const QString& name);

    bool loading() const { return loading_; }
    bool saving() const { return saving_; }
    bool valid() const { return valid_; }
    QString problem() const { return problem_; } // why the text is not a policy; "" when it is
    QString verdict() const;
    QString message() const;
    QString text() const;
    QString configPath() const { return path_; }
    QPlainTextEdit* edit() const { return edit_; }
    QListWidget* ruleList() const { return rules_; }
    QPushButton* saveButton() const { return save_; }
    QPushButton* defaultButton() const { return default_; }

  Q_SIGNALS:
    void loaded();
    void validated();
    void saved(const QString& problem); // "" when written

  private:
    QWidget* buildHeader();
    QWidget* buildAid();
    QWidget* buildFooter();
    void fillRuleList();
    void onLoaded(const QString& text, const QString& note, bool usable);
    void afterSave(const QString& problem, const QString& configText);
    void applyConfig(const QString& configText);
    void say(const QString& text, bool problem = false);
    void updateSave();

    QString path_;
    GatewayController* gateway_;
    QPlainTextEdit* edit_;
    QLabel* verdict_;
    QListWidget* rules_;
    QLabel* message_;
    QPushButton* reload_;
    QPushButton* default_;
    QPushButton* save_;
    QTimer debounce_;
    QString problem_;
    QString policyName_;
    bool loading_ = false;
    bool saving_ = false;
    bool valid_ = false;
    bool usable_ = false; // the file can be written back: missing, or a JSON object
};

} // namespace ts::ui::guardpanel
