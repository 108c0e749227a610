#pragma once
#include "playground/meter_text.h"

#include <QWidget>

namespace ts::ui {

// A slim bar of how full the model's context window is: the prompt, then the output reserved for
// the reply as a lighter second segment. Amber above 80%, red when the two overflow the window.
class ContextGauge : public QWidget
{
    Q_OBJECT
  public:
    explicit ContextGauge(QWidget* parent = nullptr);

    void setValues(std::int64_t prompt, std::int64_t reserve, std::int64_t window);
    meter::GaugeState state() const { return meter::gaugeState(prompt_, reserve_, window_); }
    QSize sizeHint() const override { return {220, 10}; }
    QSize minimumSizeHint() const override { return {60, 10}; }

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    QColor fillColor() const;

    std::int64_t prompt_ = 0;
    std::int64_t reserve_ = 0;
    std::int64_t window_ = 0;
};

} // namespace ts::ui
