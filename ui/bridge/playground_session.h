#pragma once
#include "gateway/pipeline.h"

#include <QObject>
#include <QString>

namespace ts::ui {

// What the playground hears back about one reply.
struct ReplyOutcome
{
    QString text;
    QString error; // empty on success
    bool cancelled = false;
    std::int64_t inputTokens = 0;
    std::int64_t outputTokens = 0;
    std::int64_t cachedTokens = 0;
    double costUsd = 0;
    bool costKnown = true;
    std::optional<double> ttftMs;
    double durationMs = 0;
    bool simulated = false;
    QString traceId;
    QString model;
    std::vector<ToolCall> toolCalls; // as the provider returned them; the next request sends them back
    QString costExplanation; // how the cost was computed, line by line (the cost's tooltip)
};

// The playground's view of the engine: send one request, stream its reply, stop it. Tests hand the
// playground a fake; the real one runs the pipeline off the GUI thread.
class PlaygroundSession : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void send(const ChatRequest& request) = 0;
    virtual void stop() = 0;
    virtual bool busy() const = 0;
    // provider id → models, for the model picker
    virtual std::vector<std::pair<QString, QStringList>> models() const = 0;

Q_SIGNALS:
    void textArrived(const QString& delta);
    void finished(const ts::ui::ReplyOutcome& outcome);
    void modelsChanged(); // models() has changed: the providers were rebuilt
};

} // namespace ts::ui

Q_DECLARE_METATYPE(ts::ui::ReplyOutcome)
