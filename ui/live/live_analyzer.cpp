#include "live/live_analyzer.h"

#include <QElapsedTimer>

namespace ts::ui {

LiveAnalyzer::LiveAnalyzer(std::shared_ptr<TraceStore> store, QObject* parent)
    : WorkspaceAnalyzer(std::move(store), kDefaultCap, parent)
{
}

void LiveAnalyzer::start(Job job)
{
    post([this, job = std::move(job)](TraceReader& reader, const CancelToken& token, Generation generation,
                                      std::int64_t) {
        QElapsedTimer clock;
        clock.start();
        std::shared_ptr<const void> analysis = job(reader, token);
        if (token.cancelled())
            return;
        if (!analysis) {
            finish(generation, [this] { Q_EMIT failed(QStringLiteral("the analysis gave no result")); });
            return;
        }
        finish(generation, [this, analysis = std::move(analysis), ms = clock.elapsed()] { Q_EMIT finished(analysis, ms); });
    });
}

} // namespace ts::ui
