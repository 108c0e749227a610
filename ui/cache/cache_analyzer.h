#pragma once
#include "cache/cache_analysis.h"
#include "common/workspace_analyzer.h"

#include <QString>
#include <memory>

namespace ts::ui::cachepanel {

// Builds the cache report and threshold tuning of the newest traces on a worker (see
// WorkspaceAnalyzer), with progress by stage.
class CacheAnalyzer : public WorkspaceAnalyzer
{
    Q_OBJECT
  public:
    using WorkspaceAnalyzer::WorkspaceAnalyzer;

    void start();

  Q_SIGNALS:
    void progress(const QString& stage, int done, int total);
    void finished(std::shared_ptr<const ts::ui::cachepanel::CacheAnalysis> analysis);

  private:
    void run(TraceReader& reader, const CancelToken& token, Generation generation,
             std::int64_t cap); // on the reader thread
};

} // namespace ts::ui::cachepanel
