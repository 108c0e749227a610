#include "playground/meter_controller.h"

#include "playground/token_meter.h"

namespace ts::ui {

MeterController::MeterController(TokenMeter* meter, PromptCounter::Source source, QObject* parent,
                                 ExactCounter::CountFn exact)
    : QObject(parent), meter_(meter), source_(source), counter_(new PromptCounter(std::move(source), this)),
      exact_(new ExactCounter(this, std::move(exact)))
{
    meter_->setExactAvailable(exact_->available());
    connect(counter_, &PromptCounter::started, meter_, &TokenMeter::setCounting);
    connect(counter_, &PromptCounter::counted, meter_, &TokenMeter::setCount);
    connect(exact_, &ExactCounter::counted, meter_, &TokenMeter::setExactCount);
    connect(exact_, &ExactCounter::failed, meter_, &TokenMeter::setExactFailed);
    connect(meter_, &TokenMeter::exactCountRequested, this, &MeterController::countExactly);
}

void MeterController::changed()
{
    exact_->cancel();
    counter_->changed();
}

void MeterController::countExactly()
{
    PromptDraft draft = source_();
    ChatRequest request;
    request.provider = "anthropic";
    request.model = draft.model.toStdString();
    request.maxTokens = draft.maxTokens;
    request.messages = std::move(draft.messages);
    if (!draft.draft.isEmpty())
        request.messages.push_back({Role::User, draft.draft.toStdString()});
    exact_->start(std::move(request));
}

} // namespace ts::ui
