#include "playground/prompt_counter.h"

#include <QtConcurrent>

namespace ts::ui {

namespace {

constexpr int kDebounceMs = 150;

TokenCount countWithCatalog(const QString& model, const std::vector<Message>& messages)
{
    return ModelTokenCounter::forModel(model.toStdString()).countChat(messages);
}

} // namespace

PromptCounter::PromptCounter(Source source, QObject* parent, CountFn count)
    : QObject(parent), source_(std::move(source)),
      count_(count ? std::move(count) : CountFn(countWithCatalog))
{
    qRegisterMetaType<ts::ui::PromptCount>();
    debounce_.setSingleShot(true);
    debounce_.setInterval(kDebounceMs);
    connect(&debounce_, &QTimer::timeout, this, [this] {
        if (!running_)
            launch(); // else the running count's landing starts the next one
    });
}

void PromptCounter::changed()
{
    const bool wasCounting = counting();
    ++generation_;
    debounce_.start();
    if (!wasCounting)
        Q_EMIT started();
}

void PromptCounter::launch()
{
    running_ = true;
    const std::uint64_t generation = generation_;
    PromptDraft draft = source_();
    QtConcurrent::run([count = count_, draft = std::move(draft)]() mutable {
        if (!draft.draft.isEmpty())
            draft.messages.push_back({Role::User, draft.draft.toStdString()});
        PromptCount result{draft.model, draft.maxTokens, {}, {}};
        try {
            result.count = count(draft.model, draft.messages);
        } catch (const std::exception& e) {
            result.error = QString::fromUtf8(e.what());
        }
        return result;
    }).then(this, [this, generation](const PromptCount& result) { landed(generation, result); });
}

void PromptCounter::landed(std::uint64_t generation, const PromptCount& result)
{
    running_ = false;
    if (generation == generation_) {
        Q_EMIT counted(result);
        return;
    }
    // Stale: the draft changed while this ran. Count the newest now unless its pause is still running.
    if (!debounce_.isActive())
        launch();
}

} // namespace ts::ui
