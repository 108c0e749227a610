#include "cache/cache_invalidator.h"

#include <QtConcurrent>

namespace ts::ui::cachepanel {

namespace {

struct Outcome
{
    qint64 removed = -1;
    qint64 remaining = 0;
    QString error;
};

} // namespace

CacheInvalidator::CacheInvalidator(std::string workspacePath, QObject* parent)
    : QObject(parent), path_(std::move(workspacePath))
{
    worker_.setMaxThreadCount(1);
}

CacheInvalidator::~CacheInvalidator() { worker_.waitForDone(); }

void CacheInvalidator::count()
{
    run([](ts::cache::ExactCache&) { return std::int64_t{-1}; });
}

void CacheInvalidator::invalidateEntry(const std::string& key)
{
    run([key](ts::cache::ExactCache& c) { return c.invalidateEntry(key); });
}

void CacheInvalidator::invalidateScope(const ts::cache::CacheScope& scope)
{
    run([scope](ts::cache::ExactCache& c) { return c.invalidateScope(scope); });
}

void CacheInvalidator::invalidateOlderThan(Nanos age)
{
    run([age](ts::cache::ExactCache& c) { return c.invalidateOlderThan(age); });
}

void CacheInvalidator::run(Job job)
{
    QtConcurrent::run(&worker_, [path = path_, job = std::move(job)] {
        Outcome out;
        try {
            // Only the invalidation calls are used: the configuration (TTL, replay) does not matter here.
            auto cache = ts::cache::ExactCache::open(path, {});
            out.removed = job(*cache);
            out.remaining = cache->entryCount();
        } catch (const std::exception& e) { // WorkspaceError, or the cache's own
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    }).then(this, [this](const Outcome& out) {
        if (!out.error.isEmpty())
            Q_EMIT failed(out.error);
        else
            Q_EMIT done(out.removed, out.remaining);
    });
}

} // namespace ts::ui::cachepanel
