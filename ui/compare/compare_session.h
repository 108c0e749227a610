#pragma once
#include "compare/compare_outcome.h"
#include "gateway/pipeline.h"

#include <QObject>
#include <QThreadPool>

#include <memory>
#include <vector>

namespace ts::ui {

using ModelChoices = std::vector<std::pair<QString, QStringList>>; // provider id → its models
ModelChoices modelChoices(const ProviderRegistry& providers);

// Runs one prompt against several models at once through the real pipeline, one worker per
// column (its own pool, so the columns really stream side by side however few cores there are).
// Each column has its own cancel token; a column's failure never stops the others. Deltas and
// outcomes come back on the GUI thread as queued signals, tagged with the column index.
class CompareSession final : public QObject
{
    Q_OBJECT
public:
    explicit CompareSession(std::shared_ptr<Pipeline> pipeline, QObject* parent = nullptr);
    ~CompareSession() override;

    // Sends request i as column i, each marked meta.source "compare" and sharing one new
    // meta.session id, which it returns; returns nothing while a comparison is still running.
    QString start(std::vector<ChatRequest> requests);
    void stopAll();
    void stop(int column);
    bool busy() const;
    bool running(int column) const;
    QString sessionId() const { return sessionId_; }

Q_SIGNALS:
    void textArrived(int column, const QString& delta);
    void finished(int column, const ts::ui::CompareOutcome& outcome);
    void allFinished();

private:
    void launch(int column, ChatRequest request);
    void deliverText(int column, std::uint64_t generation, const QString& delta);
    void deliverOutcome(int column, std::uint64_t generation, const CompareOutcome& outcome);

    std::shared_ptr<Pipeline> pipeline_;
    QThreadPool pool_;
    std::vector<CancelTokenPtr> cancels_;
    std::vector<bool> running_;
    std::uint64_t generation_ = 0; // results of an earlier comparison are dropped
    QString sessionId_;
};

// The column's outcome from the pipeline's result; durationMs as the worker measured it.
CompareOutcome compareOutcomeOf(const ChatRequest& request, const PipelineResult& result, double durationMs,
                                const Catalog& catalog);

} // namespace ts::ui
