// The keychain wrapper against a real Secret Service (gnome-keyring on a private bus, started by
// tests/support/with_keyring.sh), and against a session bus that is not there.
#include "settings/key_store.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using ts::ui::KeychainStore;
using ts::ui::KeyReply;
using ts::ui::KeyStore;

namespace {

constexpr int kWaitMs = 10'000;

QString mode() { return qEnvironmentVariable("TOKENSCOPE_KEYRING"); }

// Runs one operation and returns its single reply.
template <typename Start>
KeyReply await(KeychainStore& store, void (KeyStore::*signal)(const KeyReply&), Start start)
{
    QSignalSpy spy(&store, signal);
    start();
    if (!spy.wait(kWaitMs))
        return {{}, {}, u"no reply"_s, false};
    if (spy.count() != 1)
        return {{}, {}, u"more than one reply"_s, false};
    return spy.at(0).at(0).value<KeyReply>();
}

KeyReply readKey(KeychainStore& s, const QString& id)
{
    return await(s, &KeyStore::readDone, [&] { s.read(id); });
}
KeyReply writeKey(KeychainStore& s, const QString& id, const QString& key)
{
    return await(s, &KeyStore::writeDone, [&] { s.write(id, key); });
}
KeyReply removeKey(KeychainStore& s, const QString& id)
{
    return await(s, &KeyStore::removeDone, [&] { s.remove(id); });
}

} // namespace

class TestKeyStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(mode() == u"running"_s || mode() == u"none"_s,
                 "set TOKENSCOPE_KEYRING: run under tests/support/with_keyring.sh, or =none with a dead "
                 "DBUS_SESSION_BUS_ADDRESS (see tests/ui/CMakeLists.txt)");
    }

    void writeReadReplaceDelete()
    {
        if (mode() != u"running"_s)
            QSKIP("needs the private keyring (the test_key_store_keyring run)");
        KeychainStore store;
        KeyReply w = writeKey(store, u"openai"_s, u"sk-first-1234"_s);
        QVERIFY2(w.ok(), qPrintable(w.error));
        QCOMPARE(w.profileId, u"openai"_s);
        KeyReply r = readKey(store, u"openai"_s);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.key, u"sk-first-1234"_s);

        QVERIFY(writeKey(store, u"openai"_s, u"sk-second-5678"_s).ok());
        QCOMPARE(readKey(store, u"openai"_s).key, u"sk-second-5678"_s);

        KeyReply d = removeKey(store, u"openai"_s);
        QVERIFY2(d.ok(), qPrintable(d.error));
        r = readKey(store, u"openai"_s);
        QVERIFY(r.ok());
        QVERIFY(r.key.isEmpty());
    }

    void keysArePerProfile()
    {
        if (mode() != u"running"_s)
            QSKIP("needs the private keyring (the test_key_store_keyring run)");
        KeychainStore store;
        QVERIFY(writeKey(store, u"groq"_s, u"gsk-a"_s).ok());
        QVERIFY(writeKey(store, u"anthropic"_s, u"sk-ant-b"_s).ok());
        QCOMPARE(readKey(store, u"groq"_s).key, u"gsk-a"_s);
        QCOMPARE(readKey(store, u"anthropic"_s).key, u"sk-ant-b"_s);
        QVERIFY(removeKey(store, u"groq"_s).ok());
        QCOMPARE(readKey(store, u"anthropic"_s).key, u"sk-ant-b"_s);
    }

    void missingKeyIsNoKeyNotAnError()
    {
        if (mode() != u"running"_s)
            QSKIP("needs the private keyring (the test_key_store_keyring run)");
        KeychainStore store;
        const KeyReply r = readKey(store, u"never-stored"_s);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.key.isEmpty());
        QCOMPARE(r.profileId, u"never-stored"_s);
        QVERIFY(removeKey(store, u"never-stored"_s).ok()); // removing nothing succeeds
    }

    void manyReadsAnswerEachOnce()
    {
        if (mode() != u"running"_s)
            QSKIP("needs the private keyring (the test_key_store_keyring run)");
        KeychainStore store;
        QVERIFY(writeKey(store, u"p3"_s, u"k3"_s).ok());
        QSignalSpy spy(&store, &KeyStore::readDone);
        for (int i = 0; i < 6; ++i)
            store.read(u"p"_s + QString::number(i));
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 6, kWaitMs);
        QStringList found;
        for (const auto& args : spy)
            if (const auto r = args.at(0).value<KeyReply>(); !r.key.isEmpty())
                found << r.profileId + u'=' + r.key;
        QCOMPARE(found, QStringList{u"p3=k3"_s});
    }

    void noServiceIsAClearErrorNotAHang()
    {
        if (mode() != u"none"_s)
            QSKIP("needs a dead session bus (the plain test_key_store run)");
        KeychainStore store;
        store.setTimeout(5s);
        QElapsedTimer clock;
        clock.start();
        const KeyReply r = readKey(store, u"openai"_s);
        QVERIFY(!r.ok());
        QVERIFY2(r.noService, qPrintable(r.error));
        QCOMPARE(r.error, u"no keychain service is running"_s);
        QVERIFY2(clock.elapsed() < 4000, "the error must come from the keychain, not from the timeout");
        const KeyReply w = writeKey(store, u"openai"_s, u"sk-never-stored"_s);
        QVERIFY(w.noService);
    }
};

QTEST_GUILESS_MAIN(TestKeyStore)
#include "test_key_store.moc"
