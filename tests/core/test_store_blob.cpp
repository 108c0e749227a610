// The compressed exchange columns: any bytes come back exactly, small values stay cheap, and a
// damaged blob is a Corrupt workspace error, never a crash.
#include "trace/blob_codec.h"
#include "trace/chunk_codec.h"
#include "trace/sqlite_connection.h"
#include "trace/store.h"
#include "trace_fixtures.h"

#include <QTemporaryDir>
#include <QTest>
#include <limits>
#include <random>

using namespace ts;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(ts::Exchange::Chunk) // and so std::vector of chunks

namespace {

std::string repeated(std::string_view unit, size_t times)
{
    std::string out;
    for (size_t i = 0; i < times; ++i)
        out.append(unit);
    return out;
}

std::string noise(size_t size)
{
    std::mt19937 random(7);
    std::string out(size, '\0');
    for (char& c : out)
        c = static_cast<char>(random());
    return out;
}

std::string packedBody()
{
    return codec::packBlob(repeated(R"({"role":"user","content":"hello"})", 40));
}

} // namespace

class TestStoreBlob : public QObject
{
    Q_OBJECT
    QTemporaryDir dir_;

  private slots:
    void roundTrip_data()
    {
        QTest::addColumn<std::string>("bytes");
        QTest::addColumn<int>("format"); // the first byte, -1 for an empty blob
        QTest::newRow("empty") << std::string() << -1;
        QTest::newRow("small") << std::string("{}") << 0;
        QTest::newRow("just below zlib") << std::string(63, 'a') << 0;
        QTest::newRow("compressible") << std::string(64, 'a') << 1;
        QTest::newRow("large json") << repeated(R"({"content":"Looking at the details"},)", 50000) << 1;
        QTest::newRow("incompressible") << noise(100000) << 0;
        QTest::newRow("invalid utf-8 and nul") << repeated(std::string("a\x80\xff\0z\xE2\x9C", 7), 30) << 1;
    }

    void roundTrip()
    {
        QFETCH(std::string, bytes);
        QFETCH(int, format);
        const std::string blob = codec::packBlob(bytes);
        QCOMPARE(blob.empty() ? -1 : int(blob.front()), format);
        QVERIFY(blob.size() <= bytes.size() + 1);
        QVERIFY(codec::unpackBlob(blob) == bytes);
    }

    void damagedBlobThrows_data()
    {
        QTest::addColumn<std::string>("blob");
        const std::string good = packedBody();
        std::string flipped = good;
        flipped[flipped.size() / 2] ^= 0x55;
        std::string wrongSize = good;
        wrongSize[1] = static_cast<char>(wrongSize[1] ^ 0x01);
        QTest::newRow("unknown format") << std::string("\x07xyz");
        QTest::newRow("size cut off") << std::string("\x01\xff");
        QTest::newRow("no stream") << std::string("\x01\x10");
        QTest::newRow("impossible size") << std::string("\x01\xff\xff\xff\xff\x0f\x78\x9c");
        QTest::newRow("truncated stream") << good.substr(0, good.size() - 5);
        QTest::newRow("flipped byte") << flipped;
        QTest::newRow("wrong size") << wrongSize;
    }

    void damagedBlobThrows()
    {
        QFETCH(std::string, blob);
        QVERIFY_THROWS_EXCEPTION(codec::CorruptValue, codec::unpackBlob(blob));
    }

    void chunksRoundTrip_data()
    {
        using Chunks = std::vector<Exchange::Chunk>;
        constexpr Nanos kMax = std::numeric_limits<Nanos>::max();
        constexpr Nanos kMin = std::numeric_limits<Nanos>::min();
        QTest::addColumn<Chunks>("chunks");
        QTest::newRow("none") << Chunks{};
        QTest::newRow("one empty") << Chunks{{0, ""}};
        QTest::newRow("stream") << Chunks{{1'795'134'889'982'566'136, "data: {}"},
                                          {1'795'134'890'004'896'157, "x"}};
        QTest::newRow("split utf-8") << Chunks{{5, "caf\xC3"}, {5, "\xA9 ok"}};
        QTest::newRow("backwards and extremes") << Chunks{{kMax, "a"}, {kMin, "b"}, {-1, ""}, {kMax, "c"}};
    }

    void chunksRoundTrip()
    {
        QFETCH(std::vector<Exchange::Chunk>, chunks);
        QVERIFY(codec::chunksFromBytes(codec::unpackBlob(codec::packBlob(codec::chunksToBytes(chunks)))) ==
                chunks);
    }

    void damagedChunksThrow_data()
    {
        QTest::addColumn<std::string>("bytes");
        const std::string good = codec::chunksToBytes({{10, "hello"}, {20, "world"}});
        QTest::newRow("cut off") << good.substr(0, good.size() - 1);
        QTest::newRow("left over") << good + "!";
        QTest::newRow("too many") << std::string("\x7f\x00\x00", 3);
    }

    void damagedChunksThrow()
    {
        QFETCH(std::string, bytes);
        QVERIFY_THROWS_EXCEPTION(codec::CorruptValue, codec::chunksFromBytes(bytes));
    }

    void damagedWorkspaceBlobIsCorruptError()
    {
        const std::string path = dir_.filePath(QStringLiteral("damaged.db")).toStdString();
        auto store = TraceStore::open(path, TraceStore::OpenMode::CreateIfMissing);
        const Trace trace = test::richTrace();
        store->write(trace);
        QVERIFY(store->flush());
        sql::Connection(path, sql::Connection::Mode::ReadWrite)
            .exec("UPDATE exchanges SET chunks = x'01ff01789c00'");
        try {
            store->reader()->load(trace.traceId);
            QFAIL("a damaged blob loaded");
        } catch (const WorkspaceError& e) {
            QCOMPARE(e.reason(), WorkspaceError::Reason::Corrupt);
            QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestStoreBlob)
#include "test_store_blob.moc"
