#include "guard/guard_analyzer.h"

#include <functional>

namespace ts::ui::guardpanel {

void GuardAnalyzer::start()
{
    post(std::bind_front(&GuardAnalyzer::run, this));
}

void GuardAnalyzer::run(TraceReader& reader, const CancelToken& token, Generation generation,
                        std::int64_t cap)
{
    ProgressThrottle throttle;
    auto onProgress = [&](std::size_t done, std::size_t total) {
        if (throttle.pass(done, total))
            deliver(generation, [this, done, total] {
                Q_EMIT progress(static_cast<int>(done), static_cast<int>(total));
            });
    };
    auto onSoFar = [&](const GuardAnalysis& soFar) {
        deliver(generation,
                [this, shared = std::make_shared<const GuardAnalysis>(soFar)] { Q_EMIT partial(shared); });
    };
    auto analysis = analyzeWorkspace(reader, cap, token, onProgress, onSoFar);
    if (!analysis)
        return; // cancelled, or replaced by a newer start()
    finish(generation, [this, shared = std::make_shared<const GuardAnalysis>(std::move(*analysis))] {
        Q_EMIT finished(shared);
    });
}

} // namespace ts::ui::guardpanel
