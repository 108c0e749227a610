#pragma once
#include "catalog/model_info.h"
#include "playground/prompt_counter.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPushButton;

namespace ts::ui {

class ContextGauge;

// The strip over the composer: how many tokens the prompt is, how full that makes the model's
// context window, and what sending it would cost.
class TokenMeter : public QWidget
{
    Q_OBJECT
  public:
    explicit TokenMeter(QWidget* parent = nullptr);

    void setCounting();
    void setCount(const PromptCount& count);
    void setExactCount(qint64 tokens); // from the provider; replaces the estimate until the next change
    void setExactFailed(const QString& message);
    void setExactAvailable(bool available);

    QString countText() const;
    QString qualifierText() const;
    QString costText() const;
    QString messageText() const;
    ContextGauge* gauge() const { return gauge_; }
    QPushButton* exactButton() const { return exact_; }

  Q_SIGNALS:
    void exactCountRequested();

  private:
    void refresh();
    void showCount();
    void showGaugeAndCost();
    void explain();
    bool claude() const { return info_ && info_->tokenizer == "estimate:claude"; }

    QLabel* count_;
    QLabel* qualifier_;
    ContextGauge* gauge_;
    QLabel* fill_;
    QLabel* cost_;
    QPushButton* explain_;
    QPushButton* exact_;
    QLabel* message_;

    PromptCount shown_;
    std::optional<ModelInfo> info_;
    std::optional<qint64> exactTokens_;
    QString exactError_;
    bool counting_ = true;
    bool exactAvailable_ = false;
};

} // namespace ts::ui
