#pragma once
#include "common/workspace_analyzer.h"
#include "guard/guard_analysis.h"

#include <memory>

namespace ts::ui::guardpanel {

// Adds up the guard spans of the newest traces on a worker (see WorkspaceAnalyzer): progress, what
// a long read has added up so far, then the whole.
class GuardAnalyzer : public WorkspaceAnalyzer
{
    Q_OBJECT
  public:
    using WorkspaceAnalyzer::WorkspaceAnalyzer;

    void start();

  Q_SIGNALS:
    void progress(int done, int total);
    // What the running read has added up so far; finished() follows with the whole.
    void partial(std::shared_ptr<const ts::ui::guardpanel::GuardAnalysis> soFar);
    void finished(std::shared_ptr<const ts::ui::guardpanel::GuardAnalysis> analysis);

  private:
    void run(TraceReader& reader, const CancelToken& token, Generation generation,
             std::int64_t cap); // on the reader thread
};

} // namespace ts::ui::guardpanel
