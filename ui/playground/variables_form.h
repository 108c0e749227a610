#pragma once
#include "prompts/prompt_template.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <map>
#include <vector>

class QFormLayout;
class QLabel;
class QLineEdit;
class QTextBrowser;

namespace ts::ui {

// One line edit per {{variable}} of the playground's prompt, in order of first appearance (the
// system prompt's first), what is still missing, and a preview of the rendered prompt. An empty
// field counts as missing. Values are remembered per prompt key, and per variable across edits of
// the template, so deleting and retyping {{city}} keeps its value.
class VariablesForm : public QWidget
{
    Q_OBJECT
public:
    explicit VariablesForm(QWidget* parent = nullptr);

    void setTemplate(const QString& system, const QString& text);
    // Switches to another prompt's values (the saved prompt's name; empty for an unsaved draft).
    void setPromptKey(const QString& key);
    QString promptKey() const { return key_; }
    // Values to show, e.g. an opened version's last values; others already typed stay.
    void setValues(const prompts::VariableValues& values);

    prompts::VariableValues values() const; // the current variables that have a value
    QStringList variables() const;
    QStringList missing() const;
    bool complete() const { return missing().isEmpty(); }
    QString renderedSystem() const;
    QString renderedText() const;
    QLineEdit* field(const QString& name) const;
    QString previewHtml() const;
    QString statusText() const;

Q_SIGNALS:
    void changed();

private:
    void rebuildFields();
    void edited(const QString& name, const QString& value);
    void refresh();

    std::string system_;
    std::string text_;
    prompts::ParsedTemplate parsedSystem_;
    prompts::ParsedTemplate parsedText_;
    std::vector<std::string> names_;
    prompts::VariableValues typed_; // everything typed for this key
    std::map<QString, prompts::VariableValues> remembered_;
    QString key_;
    std::vector<std::pair<QString, QLineEdit*>> edits_;
    QLabel* hint_;
    QFormLayout* fields_;
    QLabel* status_;
    QLabel* previewTitle_;
    QTextBrowser* preview_;
};

} // namespace ts::ui
