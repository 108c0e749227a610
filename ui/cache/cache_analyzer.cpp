#include "cache/cache_analyzer.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace ts::ui::cachepanel {

namespace {

// Progress is posted at most this many times per stage, so a fast loop does not flood the GUI thread.
constexpr std::size_t kProgressSteps = 100;

QString stageName(AnalysisStage stage)
{
    return stage == AnalysisStage::Reading ? u"Reading traces"_s : u"Comparing prompts"_s;
}

} // namespace

CacheAnalyzer::CacheAnalyzer(std::shared_ptr<TraceStore> store, std::int64_t cap, QObject* parent)
    : QObject(parent), cap_(cap), thread_(std::move(store))
{
}

CacheAnalyzer::~CacheAnalyzer()
{
    if (token_)
        token_->cancel();
}

void CacheAnalyzer::start()
{
    cancel();
    token_ = std::make_shared<CancelToken>();
    running_ = true;
    const quint64 generation = ++generation_;
    auto onError = [this, generation](const std::string& reason) {
        deliver(generation, [this, text = QString::fromStdString(reason)] {
            running_ = false;
            Q_EMIT failed(text);
        });
    };
    thread_.post([this, token = token_, generation](TraceReader& reader) { run(reader, token, generation); },
                 std::move(onError));
}

void CacheAnalyzer::cancel()
{
    if (!token_ || !running_)
        return;
    token_->cancel();
    running_ = false;
    ++generation_; // whatever the cancelled job still sends is stale
    Q_EMIT cancelled();
}

template <typename Deliver>
void CacheAnalyzer::deliver(quint64 generation, Deliver body)
{
    QMetaObject::invokeMethod(
        this,
        [this, generation, body = std::move(body)] {
            if (generation != generation_)
                return;
            body();
        },
        Qt::QueuedConnection);
}

void CacheAnalyzer::run(TraceReader& reader, CancelTokenPtr token, quint64 generation)
{
    std::size_t lastStep = kProgressSteps + 1;
    AnalysisStage lastStage = AnalysisStage::Reading;
    auto onProgress = [&](AnalysisStage stage, std::size_t done, std::size_t total) {
        const std::size_t step = total ? done * kProgressSteps / total : 0;
        if (stage == lastStage && step == lastStep)
            return;
        lastStage = stage;
        lastStep = step;
        deliver(generation, [this, stage, done, total] {
            Q_EMIT progress(stageName(stage), static_cast<int>(done), static_cast<int>(total));
        });
    };
    auto analysis = analyzeWorkspace(reader, cap_, *token, onProgress);
    if (!analysis)
        return; // cancelled: cancel() has said so
    auto shared = std::make_shared<const CacheAnalysis>(std::move(*analysis));
    deliver(generation, [this, shared] {
        running_ = false;
        Q_EMIT finished(shared);
    });
}

} // namespace ts::ui::cachepanel
