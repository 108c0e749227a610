#include "settings/connection_test.h"

#include "providers/error_category.h"
#include "providers/model_listing.h"

#include <QCoreApplication>
#include <QPointer>
#include <QtConcurrent>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ts::ui {

QString ConnectionOutcome::summary() const
{
    if (cancelled)
        return u"Cancelled"_s;
    if (!error.isEmpty())
        return error;
    const QString ms = QString::number(std::lround(elapsedMs)) + u" ms"_s;
    if (!listed)
        return u"OK · this API does not list models · "_s + ms;
    const qsizetype n = models.size();
    return u"OK · "_s + QString::number(n) + (n == 1 ? u" model · "_s : u" models · "_s) + ms;
}

ConnectionOutcome outcomeOf(const ModelList& list, const std::string& apiKey)
{
    ConnectionOutcome o;
    o.listed = list.listed;
    o.elapsedMs = list.elapsedMs;
    o.cancelled = list.error.kind == ProviderError::Kind::Cancelled;
    if (list.error && !o.cancelled) {
        std::string words = describeError(list.error);
        // A server that echoes the key back must not put it on screen.
        for (std::size_t at; apiKey.size() >= 4 && (at = words.find(apiKey)) != std::string::npos;)
            words.replace(at, apiKey.size(), "••••");
        o.error = QString::fromStdString(words);
    }
    for (const ModelListing& m : list.models)
        o.models << QString::fromStdString(m.id);
    return o;
}

ConnectionTest::ConnectionTest(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<ts::ui::ConnectionOutcome>();
}

ConnectionTest::~ConnectionTest()
{
    if (cancel_)
        cancel_->cancel();
}

void ConnectionTest::start(const ProviderProfile& profile, std::string apiKey)
{
    cancel();
    cancel_ = std::make_shared<CancelToken>();
    busy_ = true;
    const std::uint64_t generation = ++generation_;
    QPointer<ConnectionTest> self(this);
    Q_EMIT started();
    (void)QtConcurrent::run([self, generation, profile, key = std::move(apiKey), token = cancel_] {
        const ConnectionOutcome outcome = outcomeOf(listModels(profile, key, token.get()), key);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [self, generation, outcome] { if (self) self->deliver(generation, outcome); },
            Qt::QueuedConnection);
    });
}

void ConnectionTest::cancel()
{
    if (!busy_)
        return;
    cancel_->cancel();
    ++generation_; // whatever the worker still brings back is dropped
    busy_ = false;
    ConnectionOutcome outcome;
    outcome.cancelled = true;
    Q_EMIT finished(outcome);
}

void ConnectionTest::deliver(std::uint64_t generation, const ConnectionOutcome& outcome)
{
    if (generation != generation_)
        return;
    busy_ = false;
    Q_EMIT finished(outcome);
}

} // namespace ts::ui
