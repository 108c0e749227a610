#include "net/sse_parser.h"
#include "qtest_std_string.h"
#include "test_env.h"

#include <QtTest/QTest>

using ts::net::SseEvent;
using ts::net::SseParser;

namespace {

QString describe(const SseEvent& e)
{
    return QStringLiteral("event=%1 id=%2 data=%3")
        .arg(QString::fromStdString(e.event), QString::fromStdString(e.id), QString::fromStdString(e.data));
}

struct Parsed
{
    QStringList events;
    bool cut = false;
};

// Feeds `bytes` in pieces ending at each of `cuts`, then the rest.
Parsed parse(std::string_view bytes, std::initializer_list<size_t> cuts)
{
    Parsed out;
    SseParser parser([&](const SseEvent& e) {
        out.events << describe(e);
        return true;
    });
    size_t from = 0;
    for (size_t cut : cuts) {
        parser.feed(bytes.substr(from, cut - from));
        from = cut;
    }
    parser.feed(bytes.substr(from));
    out.cut = parser.finish();
    return out;
}

std::vector<std::string> dataOf(std::string_view bytes, size_t cut)
{
    std::vector<std::string> out;
    SseParser parser([&](const SseEvent& e) {
        out.push_back(e.data);
        return true;
    });
    parser.feed(bytes.substr(0, cut));
    parser.feed(bytes.substr(cut));
    parser.finish();
    return out;
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private slots:
    void splitAnywhere_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("events");
        QTest::addColumn<bool>("cut");
        const QStringList ab{"event= id= data=a", "event= id= data=b"};
        QTest::newRow("LF") << QByteArray("data: a\n\ndata: b\n\n") << ab << false;
        QTest::newRow("CRLF") << QByteArray("data: a\r\n\r\ndata: b\r\n\r\n") << ab << false;
        QTest::newRow("CRLF inside an event") << QByteArray("data: one\r\ndata: two\r\n\r\n")
                                              << QStringList{"event= id= data=one\ntwo"} << false;
        QTest::newRow("CR") << QByteArray("data: a\r\rdata: b\r\r") << ab << false;
        QTest::newRow("mixed line ends") << QByteArray("data: a\r\n\rdata: b\n\r\n") << ab << false;
        QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF" "data: a\n\ndata: b\n\n") << ab << false;
        QTest::newRow("BOM only at the start") << QByteArray("data: a\n\n\xEF\xBB\xBF" "data: b\n\n")
                                               << QStringList{"event= id= data=a"} << false;
        QTest::newRow("comments") << QByteArray(": keep-alive\n\ndata: x\n: in between\ndata: y\n\n:\n\n")
                                  << QStringList{"event= id= data=x\ny"} << false;
        QTest::newRow("multiple data lines") << QByteArray("data: one\ndata: two\ndata:\n\n")
                                             << QStringList{"event= id= data=one\ntwo\n"} << false;
        QTest::newRow("space after colon optional") << QByteArray("data:x\n\ndata:  y\n\n")
                                                    << QStringList{"event= id= data=x", "event= id= data= y"} << false;
        QTest::newRow("event and id") << QByteArray("event: ping\nid: 7\ndata: {}\n\ndata: next\n\n")
                                      << QStringList{"event=ping id=7 data={}", "event= id=7 data=next"} << false;
        QTest::newRow("field without colon") << QByteArray("data\n\n") << QStringList{"event= id= data="} << false;
        QTest::newRow("blank lines and events without data")
            << QByteArray("\n\n\nevent: lost\n\ndata: a\n\n") << QStringList{"event= id= data=a"} << false;
        QTest::newRow("unknown fields") << QByteArray("retry: 100\nfoo: bar\ndata: a\n\n")
                                        << QStringList{"event= id= data=a"} << false;
        QTest::newRow("colon in value") << QByteArray("data: {\"a\":\"b: c\"}\n\n")
                                        << QStringList{"event= id= data={\"a\":\"b: c\"}"} << false;
        QTest::newRow("cut without blank line") << QByteArray("data: a\n\ndata: b\n")
                                                << QStringList{"event= id= data=a"} << true;
        QTest::newRow("cut mid line") << QByteArray("data: a\n\ndata: b") << QStringList{"event= id= data=a"}
                                      << true;
    }

    // Every way of cutting the bytes in up to three pieces gives the same events.
    void splitAnywhere()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, events);
        QFETCH(bool, cut);
        const std::string_view all(bytes.constData(), static_cast<size_t>(bytes.size()));
        for (size_t i = 0; i <= all.size(); ++i)
            for (size_t j = i; j <= all.size(); ++j) {
                const Parsed parsed = parse(all, {i, j});
                if (parsed.events == events && parsed.cut == cut)
                    continue;
                const QString got = parsed.events.join(QLatin1Char('|'));
                const QByteArray why = QStringLiteral("cut at %1 and %2: got %3").arg(i).arg(j).arg(got).toUtf8();
                QFAIL(why.constData());
            }
    }

    void byteByByte()
    {
        const std::string bytes = "data: {\"a\":1}\r\n\r\n: ping\r\ndata: [DONE]\r\n\r\n";
        std::vector<std::string> data;
        SseParser parser([&](const SseEvent& e) {
            data.push_back(e.data);
            return true;
        });
        for (char c : bytes)
            parser.feed(std::string_view(&c, 1));
        QVERIFY(!parser.finish());
        QCOMPARE(data, (std::vector<std::string>{"{\"a\":1}", "[DONE]"}));
    }

    void sinkStops()
    {
        int calls = 0;
        SseParser parser([&](const SseEvent&) { return ++calls < 2; });
        QVERIFY(parser.feed("data: 1\n\n"));
        QVERIFY(!parser.feed("data: 2\n\ndata: 3\n\n"));
        QVERIFY(!parser.feed("data: 4\n\n"));
        QCOMPARE(calls, 2);
    }

    void pendingData()
    {
        SseParser parser([](const SseEvent&) { return true; });
        QVERIFY(!parser.pendingData());
        parser.feed("data: a\n");
        QVERIFY(parser.pendingData());
        parser.feed("\n");
        QVERIFY(!parser.pendingData());
        parser.feed("da");
        QVERIFY(parser.pendingData());
    }

    // A real OpenAI recording split at every byte yields its 26 payloads, [DONE] last.
    void recordedStream()
    {
        const std::string bytes = ts::test::readFile(ts::test::dataDir() + "/openai/parallel_tool_calls.sse");
        const std::vector<std::string> whole = dataOf(bytes, bytes.size());
        QCOMPARE(whole.size(), size_t(26));
        QVERIFY(whole.front().starts_with(R"({"id":"chatcmpl-ABfwAwrNePHUgBBezonVC6MX3zd63")"));
        QCOMPARE(whole.back(), std::string("[DONE]"));
        for (size_t cut = 0; cut <= bytes.size(); ++cut) {
            if (dataOf(bytes, cut) == whole)
                continue;
            const QByteArray why = QStringLiteral("differs when cut at %1").arg(cut).toUtf8();
            QFAIL(why.constData());
        }
    }
};

QTEST_APPLESS_MAIN(TestSseParser)
#include "test_sse_parser.moc"
