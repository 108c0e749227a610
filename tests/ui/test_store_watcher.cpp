#include "bridge/store_watcher.h"
#include "trace_fixtures.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <thread>

using namespace ts;
using namespace ts::ui;

class TestStoreWatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void announcesACommit();
    void coalescesABurst();
    void throttlesSteadyTraffic();
    void dyingWhileWritesGoOnIsSafe();

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::shared_ptr<TraceStore> store_;
};

void TestStoreWatcher::init()
{
    store_.reset();
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
    store_ = uitest::openTempStore(*dir_);
}

void TestStoreWatcher::announcesACommit()
{
    StoreWatcher watcher(store_);
    QSignalSpy spy(&watcher, &StoreWatcher::tracesChanged);
    uitest::fillStore(*store_, 1);
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 1, 3000);
}

void TestStoreWatcher::coalescesABurst()
{
    StoreWatcher watcher(store_, nullptr, std::chrono::milliseconds(300));
    QSignalSpy spy(&watcher, &StoreWatcher::tracesChanged);
    for (int i = 0; i < 20; ++i)
        uitest::fillStore(*store_, 1, i); // twenty separate commits
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 1, 3000);
    QTest::qWait(800); // let anything pending arrive
    QVERIFY2(spy.count() <= 3, qPrintable(QString::number(spy.count())));
}

void TestStoreWatcher::throttlesSteadyTraffic()
{
    StoreWatcher watcher(store_);
    QSignalSpy spy(&watcher, &StoreWatcher::tracesChanged);
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        for (int i = 0; !stop; ++i) {
            store_->write(uitest::makeTrace(uitest::specFor(i)));
            store_->flush();
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });
    QElapsedTimer timer;
    timer.start();
    QTest::qWait(2000);
    stop = true;
    writer.join();
    const double perSecond = spy.count() * 1000.0 / static_cast<double>(timer.elapsed());
    QVERIFY2(spy.count() >= 3, qPrintable(QString::number(spy.count())));
    QVERIFY2(perSecond <= 5.0, qPrintable(QString::number(perSecond)));
}

void TestStoreWatcher::dyingWhileWritesGoOnIsSafe()
{
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        for (int i = 0; !stop; ++i) {
            store_->write(uitest::makeTrace(uitest::specFor(i)));
            store_->flush();
        }
    });
    for (int round = 0; round < 20; ++round) {
        auto watcher = std::make_unique<StoreWatcher>(store_);
        QTest::qWait(5);
        watcher.reset();
    }
    stop = true;
    writer.join();
    QTest::qWait(100); // any notification still queued for a dead watcher must be dropped quietly
}

QTEST_GUILESS_MAIN(TestStoreWatcher)
#include "test_store_watcher.moc"
