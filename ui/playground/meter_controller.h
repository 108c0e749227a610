#pragma once
#include "playground/exact_counter.h"
#include "playground/prompt_counter.h"

#include <QObject>

namespace ts::ui {

class TokenMeter;

// Keeps the token meter true to the draft: every change starts a debounced count off the GUI
// thread, cancels an exact count in flight, and the newest count lands in the meter.
class MeterController : public QObject
{
    Q_OBJECT
  public:
    MeterController(TokenMeter* meter, PromptCounter::Source source, QObject* parent = nullptr,
                    ExactCounter::CountFn exact = {});

    void changed();
    PromptCounter* counter() const { return counter_; }
    ExactCounter* exactCounter() const { return exact_; }

  private:
    void countExactly();

    TokenMeter* meter_;
    PromptCounter::Source source_;
    PromptCounter* counter_;
    ExactCounter* exact_;
};

} // namespace ts::ui
