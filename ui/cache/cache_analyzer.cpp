#include "cache/cache_analyzer.h"

#include <functional>

using namespace Qt::StringLiterals;

namespace ts::ui::cachepanel {

namespace {

QString stageName(AnalysisStage stage)
{
    return stage == AnalysisStage::Reading ? u"Reading traces"_s : u"Comparing prompts"_s;
}

} // namespace

void CacheAnalyzer::start()
{
    post(std::bind_front(&CacheAnalyzer::run, this));
}

void CacheAnalyzer::run(TraceReader& reader, const CancelToken& token, Generation generation,
                        std::int64_t cap)
{
    ProgressThrottle throttle;
    auto onProgress = [&](AnalysisStage stage, std::size_t done, std::size_t total) {
        if (throttle.pass(done, total, static_cast<int>(stage)))
            deliver(generation, [this, stage, done, total] {
                Q_EMIT progress(stageName(stage), static_cast<int>(done), static_cast<int>(total));
            });
    };
    auto analysis = analyzeWorkspace(reader, cap, token, onProgress);
    if (!analysis)
        return; // cancelled, or replaced by a newer start()
    finish(generation, [this, shared = std::make_shared<const CacheAnalysis>(std::move(*analysis))] {
        Q_EMIT finished(shared);
    });
}

} // namespace ts::ui::cachepanel
