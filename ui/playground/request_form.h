#pragma once
#include "model/request.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QPlainTextEdit;
class QSpinBox;
class QCheckBox;

namespace ts::ui {

// The settings of the next request: model, temperature, max tokens, system prompt.
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

Q_SIGNALS:
    void changed(); // anything that changes the prompt or what it may cost

private:
    QComboBox* model_;
    QCheckBox* useTemperature_;
    QDoubleSpinBox* temperature_;
    QCheckBox* useMaxTokens_;
    QSpinBox* maxTokens_;
    QPlainTextEdit* system_;
};

} // namespace ts::ui
