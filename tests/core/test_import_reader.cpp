// Cutting log files into records: JSON lines, arrays and documents, what breaks in them, block
// boundaries anywhere, and OTLP requests cut span by span.
#include "qtest_std_string.h"
#include "trace/import/json_framer.h"
#include "trace/import/record_file.h"

#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace ts::import;
using nlohmann::json;

namespace {

// Everything the framer hands on, written as "line|text", "line|reason" and the stop reason.
struct Collect : FrameSink
{
    std::vector<std::string> records;
    std::vector<std::string> problems;
    std::string stop;

    void record(std::string_view text, std::int64_t line) override
    {
        records.push_back(std::to_string(line) + "|" + std::string(text));
    }
    void problem(std::int64_t line, std::string reason) override
    {
        problems.push_back(std::to_string(line) + "|" + reason);
    }
    void stopped(std::string reason) override { stop = std::move(reason); }
};

Collect frame(std::string_view text, std::size_t block, std::size_t maxRecord = 1 << 20)
{
    Collect out;
    JsonFramer framer(out, maxRecord);
    for (std::size_t at = 0; at < text.size() && !framer.stopped(); at += block)
        framer.feed(text.substr(at, block));
    framer.finish();
    return out;
}

// An ExportTraceServiceRequest, one span a line from line 5 on.
std::string otlpRequest(int spans, bool resourceLast = false)
{
    const std::string resource =
        "\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"svc\"}}]}";
    std::string text = "{\"resourceSpans\":[{\n";
    if (!resourceLast)
        text += resource + ",";
    text += "\"scopeSpans\":[{\"scope\":{\"name\":\"lib\"},\n\"spans\":[\n\n";
    for (int i = 0; i < spans; ++i)
        text += std::string(i ? ",\n" : "") +
                "{\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"" + std::string(12, '0') +
                std::to_string(1000 + i) + "\",\"name\":\"s " + std::string(400, 'x') + "\"}";
    text += "\n]}]";
    if (resourceLast)
        text += "," + resource;
    return text + "}]}\n";
}

std::vector<std::string> split(const QByteArray& joined)
{
    std::vector<std::string> out;
    if (!joined.isEmpty())
        for (const QByteArray& part : joined.split('~'))
            out.push_back(part.toStdString());
    return out;
}

std::vector<std::string> split(const QString& joined)
{
    return split(joined.toUtf8());
}

} // namespace

class TestImportReader : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;

    std::string writeFile(const char* name, const std::string& bytes)
    {
        const std::string path = dir_.filePath(QString::fromLatin1(name)).toStdString();
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }

  private Q_SLOTS:
    void shapes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("records"); // "line|text~line|text"
        QTest::addColumn<QString>("problems");
        QTest::addColumn<QString>("stop");
        QTest::newRow("json lines") << QByteArray("{\"a\":1}\n{\"b\":2}\n")
                                    << QByteArray("1|{\"a\":1}~2|{\"b\":2}") << ""
                                    << "";
        QTest::newRow("blank lines, CRLF, no final newline")
            << QByteArray("\r\n{\"a\":1}\r\n\r\n  \n{\"b\":2}") << QByteArray("2|{\"a\":1}~5|{\"b\":2}") << ""
            << "";
        QTest::newRow("malformed lines")
            << QByteArray("{\"a\":1}\n{\"b\":\n{\"c\":3}\nhello\n{\"d\":]}\n{\"e\":5}\n")
            << QByteArray("1|{\"a\":1}~3|{\"c\":3}~6|{\"e\":5}")
            << "2|the line ends before the record's JSON does~4|not a JSON object~5|']' does not close '{'"
            << "";
        QTest::newRow("a raw line break in a string")
            << QByteArray("{\"a\":1}\n{\"b\":\"x\ny\"}\n{\"c\":3}\n") << QByteArray("1|{\"a\":1}~4|{\"c\":3}")
            << "2|the line ends inside a string~3|not a JSON object"
            << "";
        QTest::newRow("truncated json lines")
            << QByteArray("{\"a\":1}\n{\"b\":2}\n{\"c\":[1,2") << QByteArray("1|{\"a\":1}~2|{\"b\":2}") << ""
            << "file ends inside a record that starts at line 3";
        QTest::newRow("first line broken")
            << QByteArray("{\"a\":\n{\"b\":2}\n{\"c\":3}\n") << QByteArray("2|{\"b\":2}~3|{\"c\":3}")
            << "1|the line ends before the record's JSON does"
            << "";
        QTest::newRow("brackets inside strings") << QByteArray("{\"a\":\"}{[\\\"]\",\"b\":\"\\\\\"}"
                                                               "\n")
                                                 << QByteArray("1|{\"a\":\"}{[\\\"]\",\"b\":\"\\\\\"}") << ""
                                                 << "";
        QTest::newRow("array") << QByteArray("[\n {\"a\":1},\n {\"b\":\n  2}\n]\n")
                               << QByteArray("2|{\"a\":1}~3|{\"b\":\n  2}") << ""
                               << "";
        QTest::newRow("array with scalars")
            << QByteArray("[{\"a\":1}, 5, \"x,]\", {\"b\":2}]") << QByteArray("1|{\"a\":1}~1|{\"b\":2}")
            << "1|an element of the array is not a JSON object; skipped~"
               "1|an element of the array is not a JSON object; skipped"
            << "";
        QTest::newRow("array cut inside an element")
            << QByteArray("[{\"a\":1},\n{\"b\"") << QByteArray("1|{\"a\":1}") << ""
            << "file ends inside a record that starts at line 2";
        QTest::newRow("array never closed") << QByteArray("[{\"a\":1}\n") << QByteArray("1|{\"a\":1}") << ""
                                            << "file ends before the ']' of the array that starts at line 1";
        QTest::newRow("text after the array")
            << QByteArray("[{\"a\":1}]\n{\"b\":2}") << QByteArray("1|{\"a\":1}") << ""
            << "line 2: text after the end of the array; not read";
        QTest::newRow("document") << QByteArray("{\n  \"a\": [1,\n 2]\n}\n")
                                  << QByteArray("1|{\n  \"a\": [1,\n 2]\n}") << ""
                                  << "";
        QTest::newRow("documents in a row") << QByteArray("{\n\"a\":1\n}\n{\n\"b\":2\n}")
                                            << QByteArray("1|{\n\"a\":1\n}~4|{\n\"b\":2\n}") << ""
                                            << "";
        QTest::newRow("broken document stops")
            << QByteArray("{\n\"a\":[}\n{\"b\":1}\n") << QByteArray("") << ""
            << "line 2: '}' does not close '['; reading stopped there";
        QTest::newRow("invalid UTF-8 is the mapper's to judge")
            << QByteArray("{\"a\":\"\xff\xfe\"}\n{\"b\":1}\n")
            << QByteArray("1|{\"a\":\"\xff\xfe\"}~2|{\"b\":1}") << ""
            << "";
    }

    void shapes()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, records);
        QFETCH(QString, problems);
        QFETCH(QString, stop);
        const std::string_view bytes(text.constData(), static_cast<std::size_t>(text.size()));
        // Block boundaries may fall anywhere: inside strings, escapes, keys and CRLF pairs.
        for (std::size_t block :
             {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}, bytes.size()}) {
            const Collect got = frame(bytes, block);
            const QByteArray where = "block size " + QByteArray::number(qulonglong(block));
            QVERIFY2(got.records == split(records), where);
            QVERIFY2(got.problems == split(problems), where);
            QCOMPARE(QString::fromStdString(got.stop), stop);
        }
    }

    void otlpRequestIsCutIntoBatchesOfWholeSpans()
    {
        const int spans = 1500; // ~630 KB: three batches
        for (bool resourceLast : {false, true}) {
            const Collect got = frame(otlpRequest(spans, resourceLast), 4096);
            QVERIFY(got.problems.empty());
            QVERIFY(got.records.size() >= 3);
            int seen = 0;
            for (const std::string& r : got.records) {
                const std::size_t bar = r.find('|');
                const json batch = json::parse(r.substr(bar + 1));
                QVERIFY(batch["resource"]["attributes"][0]["value"]["stringValue"] == "svc");
                QVERIFY(batch["scopeSpans"][0]["scope"]["name"] == "lib");
                const json& list = batch["scopeSpans"][0]["spans"];
                QCOMPARE(list[0]["spanId"].get<std::string>(),
                         std::string(12, '0') + std::to_string(1000 + seen));
                QCOMPARE(std::stoi(r.substr(0, bar)), 5 + seen); // the line of the batch's first span
                seen += static_cast<int>(list.size());
            }
            QCOMPARE(seen, spans);
        }
    }

    void otlpInJsonLinesAndArrays()
    {
        std::string line = otlpRequest(2);
        line.erase(std::remove(line.begin(), line.end(), '\n'), line.end());
        const Collect lines = frame(line + "\n" + line + "\n", 64);
        QCOMPARE(lines.records.size(), std::size_t(2));
        QCOMPARE(lines.records[1].substr(0, 2), std::string("2|"));
        const Collect array = frame("[" + line + ",\n" + line + "]", 64);
        QCOMPARE(array.records.size(), std::size_t(2));
        QVERIFY(json::parse(array.records[1].substr(2))["scopeSpans"][0]["spans"].size() == 2);
    }

    void documentWhoseLinesOpenObjects()
    {
        // One array element a line: a document, though its lines start with '{' as JSON lines do.
        const std::string text = "{\"a\":[{\"x\":1},\n{\"y\":2},\n{\"z\":3}\n]}\n";
        const Collect got = frame(text, text.size());
        QCOMPARE(got.records, std::vector<std::string>{"1|" + text.substr(0, text.size() - 1)});
        QVERIFY(got.problems.empty());

        std::string line = otlpRequest(2);
        line.erase(std::remove(line.begin(), line.end(), '\n'), line.end());
        const std::string element = line.substr(18, line.size() - 18 - 2); // one ResourceSpans
        const std::string request =
            "{\"resourceSpans\":[" + element + ",\n" + element + ",\n" + element + "]}\n";
        const Collect otlp = frame(request, 1 << 20);
        QVERIFY(otlp.problems.empty());
        QCOMPARE(otlp.records.size(), std::size_t(3));
        QCOMPARE(otlp.records[2].substr(0, 2), std::string("3|"));
    }

    void truncatedOtlpKeepsItsWholeSpans()
    {
        std::string text = otlpRequest(10);
        text.resize(text.find("\"spanId\":\"0000000000001007\"")); // inside the eighth span, on line 12
        const Collect got = frame(text, 100);
        QCOMPARE(got.records.size(), std::size_t(1));
        QCOMPARE(json::parse(got.records[0].substr(2))["scopeSpans"][0]["spans"].size(), std::size_t(7));
        QCOMPARE(got.stop, std::string("file ends inside a record that starts at line 12"));
    }

    void oversizedRecordsAreSkippedAndTheNextOneRead()
    {
        const std::string big = "{\"a\":\"" + std::string(5000, 'x') + "\"}";
        const Collect got = frame("{\"x\":1}\n" + big + "\n{\"b\":2}\n", 512, 1000);
        QCOMPARE(got.records, (std::vector<std::string>{"1|{\"x\":1}", "3|{\"b\":2}"}));
        QCOMPARE(got.problems, std::vector<std::string>{"2|record larger than 1000 bytes; skipped"});
        std::string request = otlpRequest(3);
        request.insert(request.find("\"name\":\"s "), std::string(3000, ' ')); // into the first span
        const Collect span = frame(request, 512, 1000);
        QCOMPARE(span.problems, std::vector<std::string>{"5|OTLP object larger than 1000 bytes; skipped"});
        QCOMPARE(json::parse(span.records[0].substr(2))["scopeSpans"][0]["spans"].size(), std::size_t(2));
    }

    void fileWithBomAndRecordsLargerThanTheBlock()
    {
        const std::string record = "{\"a\":\"" + std::string(10'000, 'y') + "\"}";
        const std::string path = writeFile("bom.jsonl", "\xEF\xBB\xBF" + record + "\r\n{\"b\":1}\r\n");
        Collect got;
        RecordFile file(path, got, ReadLimits{16, 1 << 20});
        QCOMPARE(file.open(), std::string());
        while (file.step()) {
        }
        QCOMPARE(got.records, (std::vector<std::string>{"1|" + record, "2|{\"b\":1}"}));
        QCOMPARE(file.records(), std::int64_t(2));
        QCOMPARE(file.done(), file.size());
    }

    void aHundredMegabyteLineIsReportedNotHeld()
    {
        const std::string path =
            writeFile("huge.jsonl", "{\"a\":\"" + std::string(100u << 20, 'z') + "\"}\n{\"b\":2}\n");
        Collect got;
        RecordFile file(path, got); // the default limits: 64 MiB a record
        QCOMPARE(file.open(), std::string());
        while (file.step()) {
        }
        QCOMPARE(got.problems, std::vector<std::string>{"1|record larger than 64 MiB; skipped"});
        QCOMPARE(got.records, std::vector<std::string>{"2|{\"b\":2}"});
    }

    void unreadableFiles()
    {
        Collect got;
        QCOMPARE(RecordFile(dir_.filePath(QStringLiteral("missing")).toStdString(), got).open(),
                 std::string("No such file or directory"));
        QCOMPARE(RecordFile(dir_.path().toStdString(), got).open(), std::string("is a folder, not a file"));
    }
};

QTEST_GUILESS_MAIN(TestImportReader)
#include "test_import_reader.moc"
