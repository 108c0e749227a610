#include "compare/compare_session.h"

#include "bridge/pipeline_session.h"
#include "model/ids.h"
#include "providers/error_category.h"

#include <QElapsedTimer>
#include <QPointer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ts::ui {

ModelChoices modelChoices(const ProviderRegistry& providers)
{
    ModelChoices out;
    for (const auto& p : providers.all()) {
        QStringList ids;
        for (const auto& m : p->models())
            ids << QString::fromStdString(m.id);
        out.emplace_back(QString::fromStdString(p->id()), ids);
    }
    return out;
}

CompareOutcome compareOutcomeOf(const ChatRequest& request, const PipelineResult& result, double durationMs,
                                const Catalog& catalog)
{
    CompareOutcome o;
    o.reply = outcomeOf(result, durationMs, catalog);
    if (!o.reply.error.isEmpty())
        o.reply.error = QString::fromStdString(describeError(result.error));
    o.provider = QString::fromStdString(request.provider);
    o.model = QString::fromStdString(request.model);
    o.tokensPerSecond = tokensPerSecond(o.reply.outputTokens, durationMs, o.reply.ttftMs);
    return o;
}

CompareSession::CompareSession(std::shared_ptr<Pipeline> pipeline, QObject* parent)
    : QObject(parent), pipeline_(std::move(pipeline))
{
    qRegisterMetaType<ts::ui::CompareOutcome>();
}

CompareSession::~CompareSession()
{
    stopAll();
    pool_.waitForDone(); // workers reach `this` only through queued calls; let them end first
}

QString CompareSession::start(std::vector<ChatRequest> requests)
{
    if (busy() || !pipeline_)
        return {};
    ++generation_;
    sessionId_ = u"compare-"_s + QString::fromStdString(newSpanId());
    const int count = static_cast<int>(requests.size());
    pool_.setMaxThreadCount(std::max(pool_.maxThreadCount(), count));
    cancels_.clear();
    running_.assign(requests.size(), true);
    for (int i = 0; i < count; ++i) {
        cancels_.push_back(std::make_shared<CancelToken>());
        requests[static_cast<std::size_t>(i)].meta.source = "compare";
        requests[static_cast<std::size_t>(i)].meta.session = sessionId_.toStdString();
        launch(i, std::move(requests[static_cast<std::size_t>(i)]));
    }
    return sessionId_;
}

void CompareSession::launch(int column, ChatRequest request)
{
    const QPointer<CompareSession> self(this);
    const auto cancel = cancels_[static_cast<std::size_t>(column)];
    const std::uint64_t generation = generation_;
    auto onText = [self, cancel, column, generation](std::string_view delta, Nanos) {
        const QString text = QString::fromUtf8(delta.data(), static_cast<qsizetype>(delta.size()));
        QMetaObject::invokeMethod(self, [self, column, generation, text] {
            if (self)
                self->deliverText(column, generation, text);
        }, Qt::QueuedConnection);
        return !cancel->cancelled();
    };
    auto work = [self, pipeline = pipeline_, cancel, request, column, generation, onText] {
        QElapsedTimer timer;
        timer.start();
        const PipelineResult result =
            pipeline->run(request, RunOptions{.cancel = cancel.get(), .onText = onText});
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        const CompareOutcome outcome = compareOutcomeOf(request, result, ms, *pipeline->catalog());
        QMetaObject::invokeMethod(self, [self, column, generation, outcome] {
            if (self)
                self->deliverOutcome(column, generation, outcome);
        }, Qt::QueuedConnection);
    };
    pool_.start(std::move(work));
}

void CompareSession::deliverText(int column, std::uint64_t generation, const QString& delta)
{
    if (generation == generation_)
        Q_EMIT textArrived(column, delta);
}

void CompareSession::deliverOutcome(int column, std::uint64_t generation, const CompareOutcome& outcome)
{
    if (generation != generation_)
        return;
    running_[static_cast<std::size_t>(column)] = false;
    Q_EMIT finished(column, outcome);
    if (!busy())
        Q_EMIT allFinished();
}

void CompareSession::stopAll()
{
    for (const auto& c : cancels_)
        c->cancel();
}

void CompareSession::stop(int column)
{
    if (column >= 0 && column < static_cast<int>(cancels_.size()))
        cancels_[static_cast<std::size_t>(column)]->cancel();
}

bool CompareSession::busy() const { return std::ranges::find(running_, true) != running_.end(); }

bool CompareSession::running(int column) const
{
    return column >= 0 && column < static_cast<int>(running_.size()) &&
           running_[static_cast<std::size_t>(column)];
}

} // namespace ts::ui
