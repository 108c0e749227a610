#pragma once
#include "common/workspace_analyzer.h"

#include <QtGlobal>
#include <functional>
#include <memory>

namespace ts::ui {

// Runs one live panel's read (rollups in, an analysis out) on the panel's worker; the newest start
// replaces a running one (WorkspaceAnalyzer). The job returns its analysis type-erased, or nullptr
// when cancelled; the panel casts it back (std::static_pointer_cast) in finished().
class LiveAnalyzer : public WorkspaceAnalyzer
{
    Q_OBJECT
public:
    using Job = std::function<std::shared_ptr<const void>(TraceReader& reader, const CancelToken& token)>;

    explicit LiveAnalyzer(std::shared_ptr<TraceStore> store, QObject* parent = nullptr);

    void start(Job job);

Q_SIGNALS:
    // `elapsedMs`: how long the read and the analysis took on the worker.
    void finished(std::shared_ptr<const void> analysis, qint64 elapsedMs);
};

} // namespace ts::ui
