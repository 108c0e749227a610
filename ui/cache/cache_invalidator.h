#pragma once
#include "cache/exact_cache.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>

namespace ts::ui::cachepanel {

// Removes exact cache entries from the workspace, on a worker: each job opens the workspace's exact
// cache, does one thing and counts what is left. One job at a time, in the order asked.
class CacheInvalidator : public QObject
{
    Q_OBJECT
public:
    explicit CacheInvalidator(std::string workspacePath, QObject* parent = nullptr);
    ~CacheInvalidator() override;

    void count();
    void invalidateEntry(const std::string& key);
    void invalidateScope(const ts::cache::CacheScope& scope);
    void invalidateOlderThan(Nanos age);

Q_SIGNALS:
    // After each job: what it removed (-1 for count()) and how many entries remain.
    void done(qint64 removed, qint64 remaining);
    // The cache could not be opened or written: the reason, naming the file.
    void failed(const QString& reason);

private:
    using Job = std::function<std::int64_t(ts::cache::ExactCache&)>;
    void run(Job job);

    std::string path_;
    QThreadPool worker_;
};

} // namespace ts::ui::cachepanel
