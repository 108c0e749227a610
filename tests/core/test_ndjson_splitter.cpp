#include "net/ndjson_splitter.h"
#include "qtest_std_string.h"

#include <QtTest/QTest>

using ts::net::NdjsonSplitter;

namespace {

struct Split
{
    QStringList lines;
    QString rest;
};

Split split(std::string_view bytes, size_t cut)
{
    Split out;
    NdjsonSplitter splitter([&](std::string_view line) {
        out.lines << QString::fromUtf8(line.data(), static_cast<qsizetype>(line.size()));
        return true;
    });
    splitter.feed(bytes.substr(0, cut));
    splitter.feed(bytes.substr(cut));
    out.rest = QString::fromStdString(splitter.finish());
    return out;
}

} // namespace

class TestNdjsonSplitter : public QObject
{
    Q_OBJECT

private slots:
    void splitAnywhere_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QString>("rest");
        const QStringList two{R"({"a":1})", R"({"b":2})"};
        QTest::newRow("LF") << QByteArray("{\"a\":1}\n{\"b\":2}\n") << two << QString();
        QTest::newRow("CRLF") << QByteArray("{\"a\":1}\r\n{\"b\":2}\r\n") << two << QString();
        QTest::newRow("blank lines") << QByteArray("\n{\"a\":1}\n\n  \n{\"b\":2}\n\n") << two << QString();
        QTest::newRow("trailing partial line") << QByteArray("{\"a\":1}\n{\"b\":2}\n{\"done\":tr")
                                               << two << QStringLiteral("{\"done\":tr");
        QTest::newRow("last line without newline") << QByteArray("{\"a\":1}\n{\"b\":2}")
                                                   << QStringList{R"({"a":1})"} << QStringLiteral("{\"b\":2}");
        QTest::newRow("trailing whitespace only") << QByteArray("{\"a\":1}\n{\"b\":2}\n \t") << two << QString();
    }

    void splitAnywhere()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, lines);
        QFETCH(QString, rest);
        const std::string_view all(bytes.constData(), static_cast<size_t>(bytes.size()));
        for (size_t cut = 0; cut <= all.size(); ++cut) {
            const Split got = split(all, cut);
            if (got.lines == lines && got.rest == rest)
                continue;
            const QString described = got.lines.join(QLatin1Char('|'));
            const QByteArray why = QStringLiteral("cut at %1: %2, rest %3").arg(cut).arg(described, got.rest).toUtf8();
            QFAIL(why.constData());
        }
    }

    void sinkStops()
    {
        int calls = 0;
        NdjsonSplitter splitter([&](std::string_view) { return ++calls < 2; });
        QVERIFY(splitter.feed("1\n"));
        QVERIFY(!splitter.feed("2\n3\n"));
        QVERIFY(!splitter.feed("4\n"));
        QCOMPARE(calls, 2);
    }

    void finishResets()
    {
        NdjsonSplitter splitter([](std::string_view) { return true; });
        splitter.feed("partial");
        QCOMPARE(splitter.finish(), std::string("partial"));
        QCOMPARE(splitter.finish(), std::string());
    }
};

QTEST_APPLESS_MAIN(TestNdjsonSplitter)
#include "test_ndjson_splitter.moc"
