// The traces and spans tables as JSON lines and CSV: the fields of `traces --json`, RFC 4180
// quoting of hostile text, the filter, and the redaction policy.
#include "export_fixtures.h"
#include "qtest_json.h"
#include "qtest_std_string.h"
#include "trace/export/export_redaction.h"
#include "trace/export/table_export.h"
#include "trace/export/table_rows.h"
#include "trace_fixtures.h"

#include <QTemporaryDir>
#include <QtTest/QTest>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace ts;
using namespace ts::exporting;
using nlohmann::json;

namespace {

const std::string kNastyUser = "Lovelace, Ada \"AL\"\r\nsecond line";
constexpr Nanos kJan1 = 1'767'225'600'000'000'000; // 2026-01-01T00:00Z

using Records = std::vector<std::vector<std::string>>;

// An RFC 4180 reader, strict: fields quoted or not, records ended by CRLF.
Records parseCsv(const std::string& text)
{
    Records out(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        std::string& field = out.back().back();
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += text[++i];
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.back().emplace_back();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;
            out.emplace_back(1);
        } else {
            field += c;
        }
    }
    out.pop_back(); // after the last CRLF
    return out;
}

std::string column(const Records& records, std::size_t row, std::string_view name)
{
    const auto& header = records[0];
    const auto at = std::find(header.begin(), header.end(), name) - header.begin();
    return records[row][static_cast<std::size_t>(at)];
}

} // namespace

class TestTableExport : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    std::unique_ptr<TraceStore> store_;
    Trace nasty_, failed_;

    std::string run(TableFormat format, TableRows rows, const std::string& filter = {},
                    const ExportRedaction* redaction = nullptr)
    {
        ExportRequest request;
        request.filter = parseFilter(filter).filter;
        request.redaction = redaction;
        std::ostringstream out;
        auto reader = store_->reader();
        const ExportResult result = exportTable(*reader, request, format, rows, out);
        if (!result.ok())
            qWarning("export failed: %s", result.error.c_str());
        return out.str();
    }

  private slots:
    void initTestCase()
    {
        test::TraceSpec spec;
        spec.traceId = "00000000000000000000000000000001";
        spec.start = kJan1;
        spec.user = kNastyUser;
        spec.session = "s,1";
        spec.tags = "beta,eu";
        nasty_ = test::makeTrace(spec);
        spec.traceId = "00000000000000000000000000000002";
        spec.start = kJan1 + 60'000'000'000;
        spec.user = "bob";
        spec.error = true;
        spec.ttftMs.reset();
        spec.costUsd = 0.25;
        failed_ = test::makeTrace(spec);
        store_ = test::workspaceWith(
            dir_.filePath(QStringLiteral("tables.db")).toStdString(),
            {failed_, nasty_,
             test::sensitiveTrace("00000000000000000000000000000003", kJan1 + 120'000'000'000)});
    }

    void jsonLinesHoldTheTracesFieldsOldestFirst()
    {
        std::istringstream in(run(TableFormat::Jsonl, TableRows::Traces));
        std::vector<json> rows;
        for (std::string line; std::getline(in, line);)
            rows.push_back(json::parse(line));
        QCOMPARE(rows.size(), std::size_t{3});
        QCOMPARE(rows[0].size(), traceColumns().size());
        for (std::string_view c : traceColumns())
            QVERIFY2(rows[0].contains(c), std::string(c).c_str());
        QCOMPARE_JSON(rows[0]["trace_id"], json(nasty_.traceId));
        QCOMPARE_JSON(rows[0]["start"], json("2026-01-01T00:00:00.000Z"));
        QCOMPARE(rows[0]["duration_ms"].get<double>(), 1000.0);
        QCOMPARE_JSON(rows[0]["input_tokens"], json(100));
        QCOMPARE_JSON(rows[0]["output_tokens"], json(20));
        QCOMPARE(rows[0]["cost_usd"].get<double>(), 0.001);
        QCOMPARE(rows[0]["ttft_ms"].get<double>(), 250.0);
        QCOMPARE_JSON(rows[0]["user"], json(kNastyUser));
        QCOMPARE_JSON(rows[0]["status"], json("ok"));
        QCOMPARE_JSON(rows[1]["trace_id"], json(failed_.traceId));
        QCOMPARE_JSON(rows[1]["status"], json("error"));
        QCOMPARE_JSON(rows[1]["error"], json("upstream failed"));
        QVERIFY(rows[1]["ttft_ms"].is_null());
        QCOMPARE(rows[1]["cost_usd"].get<double>(), 0.25);
    }

    void csvQuotesWhatNeedsItAndLeavesNumbersBare()
    {
        const std::string text = run(TableFormat::Csv, TableRows::Traces);
        const Records records = parseCsv(text);
        QCOMPARE(records.size(), std::size_t{4});
        QCOMPARE(records[0], std::vector<std::string>(traceColumns().begin(), traceColumns().end()));
        for (const auto& r : records)
            QCOMPARE(r.size(), traceColumns().size());
        QCOMPARE(column(records, 1, "user"), kNastyUser);
        QCOMPARE(column(records, 1, "session"), std::string("s,1"));
        QCOMPARE(column(records, 1, "tags"), std::string("beta,eu"));
        QCOMPARE(column(records, 1, "start"), std::string("2026-01-01T00:00:00.000Z"));
        QCOMPARE(column(records, 2, "ttft_ms"), std::string()); // null: an empty field
        QCOMPARE(column(records, 2, "cost_usd"), std::string("0.25"));
        // Quoted exactly as RFC 4180 says, numbers and booleans bare.
        QVERIFY(text.find("\"Lovelace, Ada \"\"AL\"\"\r\nsecond line\"") != std::string::npos);
        QVERIFY(text.find(",1000.0,") != std::string::npos);
        QVERIFY(text.find(",100,20,0,0,0.001,250.0,") != std::string::npos);
        QVERIFY(text.find(",false,") != std::string::npos);
        QVERIFY(text.find("\"100\"") == std::string::npos);
    }

    void theFilterSelectsTheRows()
    {
        const Records records = parseCsv(run(TableFormat::Csv, TableRows::Traces, "status:error"));
        QCOMPARE(records.size(), std::size_t{3}); // failed_ and the sensitive trace
        QCOMPARE(column(records, 1, "trace_id"), failed_.traceId);
        QCOMPARE(column(records, 2, "status"), std::string("error"));
        QCOMPARE(parseCsv(run(TableFormat::Csv, TableRows::Traces, "user:nobody")).size(), std::size_t{1});
    }

    void spansRowsNameEverySpan()
    {
        const Records records = parseCsv(run(TableFormat::Csv, TableRows::Spans, "user:bob"));
        QCOMPARE(records[0], std::vector<std::string>(spanColumns().begin(), spanColumns().end()));
        QCOMPARE(records.size(), 1 + failed_.spans.size());
        const Span& root = failed_.spans[0];
        const Span& call = failed_.spans[1];
        QCOMPARE(column(records, 1, "span_id"), root.spanId);
        QCOMPARE(column(records, 1, "parent_span_id"), std::string());
        QCOMPARE(column(records, 1, "status"), std::string("error"));
        QCOMPARE(column(records, 1, "input_tokens"), std::string()); // the root has no usage of its own
        QCOMPARE(column(records, 2, "span_id"), call.spanId);
        QCOMPARE(column(records, 2, "parent_span_id"), root.spanId);
        QCOMPARE(column(records, 2, "stage"), std::string("llm.call"));
        QCOMPARE(column(records, 2, "model"), std::string("gpt-4o-mini"));
        QCOMPARE(column(records, 2, "input_tokens"), std::string("100"));
        QCOMPARE(column(records, 2, "output_tokens"), std::string("20"));
        QCOMPARE(column(records, 2, "cost_usd"), std::string("0.25"));
        QCOMPARE(column(records, 2, "duration_ms"), std::string("1000.0"));
        QCOMPARE(column(records, 2, "status"), std::string("unset"));

        std::istringstream in(run(TableFormat::Jsonl, TableRows::Spans, "user:bob"));
        std::string line;
        QVERIFY(std::getline(in, line));
        QCOMPARE_JSON(json::parse(line)["span_id"], json(root.spanId));
    }

    void theRedactionPolicyIsApplied()
    {
        const ExportRedaction redaction(guard::defaultPolicy());
        for (TableFormat format : {TableFormat::Jsonl, TableFormat::Csv})
            for (TableRows rows : {TableRows::Traces, TableRows::Spans}) {
                const std::string clear = run(format, rows, "source:gateway");
                const std::string redacted = run(format, rows, "source:gateway", &redaction);
                QVERIFY(!redacted.empty());
                for (const std::string& secret : {test::kSecretEmail, test::kSecretCard, test::kSecretKey})
                    QVERIFY2(redacted.find(secret) == std::string::npos, redacted.c_str());
                if (rows == TableRows::Traces) { // the user and error fields held them
                    QVERIFY(clear.find(test::kSecretEmail) != std::string::npos);
                    QVERIFY(redacted.find("[EMAIL_1]") != std::string::npos);
                }
            }
    }
};

QTEST_APPLESS_MAIN(TestTableExport)
#include "test_table_export.moc"
