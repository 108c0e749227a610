#pragma once
#include "model/request.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QPlainTextEdit;
class QSpinBox;
class QCheckBox;
class QTabWidget;

namespace ts::ui {

class FormatForm;
class ToolsForm;

// The settings of the next request: the model over three tabs, Parameters (temperature, max
// tokens, system prompt), Tools (functions the model may call) and Format (structured output).
class RequestForm : public QWidget
{
    Q_OBJECT
public:
    explicit RequestForm(QWidget* parent = nullptr);

    void setModels(const std::vector<std::pair<QString, QStringList>>& byProvider);
    bool selectModel(const QString& provider, const QString& model);
    QString provider() const;
    QString model() const;
    QString systemPrompt() const;
    void setSystemPrompt(const QString& text);
    void setParameters(std::optional<double> temperature, std::optional<int> maxTokens);
    // A request with these settings; the caller adds the conversation.
    ChatRequest request() const;
    std::optional<int> maxTokens() const; // when the user caps the reply
    std::vector<ToolDefinition> tools() const; // the offered ones
    QString problem() const; // what stops the request from being sent, in words; empty if nothing
    ToolsForm* toolsForm() const { return tools_; }
    FormatForm* formatForm() const { return format_; }
    enum class Tab { Parameters, Tools, Format };
    void showTab(Tab tab);

Q_SIGNALS:
    void changed(); // anything that changes the prompt or what it may cost

private:
    QWidget* buildParameters();
    void updateToolsTab();

    QComboBox* model_;
    QCheckBox* useTemperature_;
    QDoubleSpinBox* temperature_;
    QCheckBox* useMaxTokens_;
    QSpinBox* maxTokens_;
    QPlainTextEdit* system_;
    ToolsForm* tools_;
    FormatForm* format_;
    QTabWidget* tabs_;
};

} // namespace ts::ui
