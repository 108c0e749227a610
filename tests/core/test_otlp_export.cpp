// OTLP JSON export of real workspace traces, read back field by field against the encoding
// contract (trace/export/otlp_export.h) and through the gateway's OTLP receiver.
#include "export_fixtures.h"
#include "qtest_json.h"
#include "qtest_std_string.h"
#include "serve/otlp_json_receiver.h"
#include "tokens/base64.h"
#include "trace/export/otlp_export.h"
#include "trace/import/message_codec.h"
#include "trace_fixtures.h"

#include <algorithm>
#include <QTemporaryDir>
#include <QtTest/QTest>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace ts;
using nlohmann::json;

namespace {

constexpr Nanos kDay2 = 1'767'312'000'000'000'000; // 2026-01-02T00:00Z

const json* attrIn(const json& list, std::string_view key)
{
    for (const json& kv : list)
        if (kv.at("key") == key)
            return &kv.at("value");
    return nullptr;
}

const json* spanIn(const json& request, const std::string& spanId)
{
    for (const json& s : request["resourceSpans"][0]["scopeSpans"][0]["spans"])
        if (s.at("spanId") == spanId)
            return &s;
    return nullptr;
}

// What the contract says a value of each type looks like.
bool encodedAs(const AttrValue& value, const json& any)
{
    if (const auto* s = std::get_if<std::string>(&value))
        return any == json{{"stringValue", *s}};
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return any == json{{"intValue", std::to_string(*i)}};
    if (const auto* b = std::get_if<bool>(&value))
        return any == json{{"boolValue", *b}};
    if (const auto* d = std::get_if<double>(&value)) {
        const json& v = any.at("doubleValue");
        if (std::isinf(*d))
            return v == (*d > 0 ? "Infinity" : "-Infinity");
        return any.size() == 1 && v.is_number_float() && v.get<double>() == *d;
    }
    json values = json::array();
    for (const std::string& s : std::get<std::vector<std::string>>(value))
        values.push_back({{"stringValue", s}});
    return any == json{{"arrayValue", {{"values", values}}}};
}

std::string bytesOf(const json& value)
{
    if (value.is_string())
        return value.get<std::string>();
    std::string out;
    if (!appendBase64Decoded(value.at("base64").get<std::string>(), out))
        return "<bad base64>";
    return out;
}

} // namespace

class TestOtlpExport : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    std::vector<Trace> written_; // oldest first, as the export orders them
    std::vector<json> lines_;
    std::vector<std::pair<std::int64_t, std::int64_t>> progress_;
    std::unique_ptr<TraceStore> store_;

    std::string path(const char* name) const { return dir_.filePath(QString::fromUtf8(name)).toStdString(); }

    const Trace& written(const std::string& traceId) const
    {
        for (const Trace& t : written_)
            if (t.traceId == traceId)
                return t;
        throw std::logic_error("no such trace");
    }

    exporting::ExportResult runExport(const exporting::ExportRequest& request,
                                      std::vector<std::string>& lines)
    {
        auto reader = store_->reader();
        std::ostringstream out;
        const exporting::ExportResult result = exporting::exportOtlp(*reader, request, out);
        std::istringstream in(out.str());
        for (std::string line; std::getline(in, line);)
            lines.push_back(line);
        return result;
    }

  private slots:
    void initTestCase()
    {
        written_ = {test::richTrace(), test::agentTrace("0123456789abcdef0123456789abcdef", kDay2),
                    test::agentTrace("fedcba9876543210fedcba9876543210", kDay2 + 3'600'000'000'000)};
        store_ = test::workspaceWith(path("otlp.db"), written_);
        exporting::ExportRequest request;
        request.progress = [this](std::int64_t done, std::int64_t total) {
            progress_.emplace_back(done, total);
        };
        std::vector<std::string> lines;
        const exporting::ExportResult result = runExport(request, lines);
        QVERIFY(result.ok());
        QCOMPARE(result.traces, std::int64_t{3});
        QCOMPARE(result.rows, std::int64_t{3});
        for (const std::string& line : lines)
            lines_.push_back(json::parse(line));
    }

    void oneRequestPerLineOldestFirst()
    {
        QCOMPARE(lines_.size(), written_.size());
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            QCOMPARE(lines_[i]["resourceSpans"].size(), std::size_t{1});
            QCOMPARE(lines_[i]["resourceSpans"][0]["scopeSpans"].size(), std::size_t{1});
            const json& spans = lines_[i]["resourceSpans"][0]["scopeSpans"][0]["spans"];
            QCOMPARE(spans[0]["traceId"].get<std::string>(), written_[i].traceId);
            QCOMPARE(spans.size(), written_[i].spans.size());
        }
        QVERIFY(!progress_.empty());
        QCOMPARE(progress_.back(), (std::pair<std::int64_t, std::int64_t>{3, 3}));
    }

    void scopeNamesTokenscopeAndResourceOnlyServiceName()
    {
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const json& rs = lines_[i]["resourceSpans"][0];
            QCOMPARE_JSON(rs["scopeSpans"][0]["scope"],
                          (json{{"name", "tokenscope"}, {"version", TOKENSCOPE_VERSION}}));
            const AttrValue* service = written_[i].root()->attr("service.name");
            const json& resource = rs["resource"]["attributes"];
            QCOMPARE(resource.size(), std::size_t(service ? 1 : 0));
            if (service)
                QVERIFY(encodedAs(*service, *attrIn(resource, "service.name")));
        }
    }

    void spansCarryHexIdsNanosecondStringsAndIntegerEnums()
    {
        for (std::size_t i = 0; i < lines_.size(); ++i)
            for (const Span& s : written_[i].spans) {
                const json* j = spanIn(lines_[i], s.spanId);
                QVERIFY2(j, s.spanId.c_str());
                QCOMPARE((*j)["traceId"].get<std::string>(), s.traceId);
                QCOMPARE(j->value("parentSpanId", ""), s.parentSpanId);
                QCOMPARE((*j)["name"].get<std::string>(), s.name);
                QCOMPARE_JSON((*j)["startTimeUnixNano"], json(std::to_string(s.start)));
                QCOMPARE_JSON((*j)["endTimeUnixNano"], json(std::to_string(s.end)));
                QCOMPARE_JSON((*j)["kind"], json(static_cast<int>(s.kind)));
                QCOMPARE_JSON((*j)["status"]["code"], json(static_cast<int>(s.status)));
                QCOMPARE_JSON((*j)["status"].value("message", ""), s.statusMessage);
                for (const char* id : {"traceId", "spanId"}) {
                    const std::string hex = (*j)[id];
                    QVERIFY(hex.find_first_not_of("0123456789abcdef") == std::string::npos);
                }
            }
    }

    void everyAttributeTypeIsEncodedAsTheContractSays()
    {
        int checked = 0;
        for (std::size_t i = 0; i < lines_.size(); ++i)
            for (const Span& s : written_[i].spans) {
                const json& attributes = (*spanIn(lines_[i], s.spanId))["attributes"];
                for (const auto& [key, value] : s.attributes) {
                    const json* any = attrIn(attributes, key);
                    QVERIFY2(any && encodedAs(value, *any), key.c_str());
                    ++checked;
                }
            }
        QVERIFY(checked > 40);
        const json& call = (*spanIn(lines_[0], written_[0].spans[1].spanId))["attributes"];
        QCOMPARE_JSON(*attrIn(call, "tokenscope.big"), (json{{"intValue", "9223372036854775807"}}));
        QCOMPARE_JSON(*attrIn(call, "tokenscope.unbounded"), (json{{"doubleValue", "Infinity"}}));
        QCOMPARE_JSON(*attrIn(call, "tokenscope.empty_list"),
                      (json{{"arrayValue", {{"values", json::array()}}}}));
    }

    void theConversationRidesOnTheRootAsGenAiMessages()
    {
        auto reader = store_->reader();
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            // The workspace keeps neither images nor cache breakpoints (its messages table has no
            // place for them), so the export carries the conversation as stored.
            const std::optional<Trace> stored = reader->load(written_[i].traceId);
            QVERIFY(stored);
            for (const Span& s : stored->spans) {
                const json& attributes = (*spanIn(lines_[i], s.spanId))["attributes"];
                const json* in = attrIn(attributes, "gen_ai.input.messages");
                const json* out = attrIn(attributes, "gen_ai.output.messages");
                if (&s != stored->root()) {
                    QVERIFY(!in && !out);
                    continue;
                }
                QVERIFY(in && out);
                const json input = json::parse(in->at("stringValue").get<std::string>());
                const json output = json::parse(out->at("stringValue").get<std::string>());
                QCOMPARE_JSON(input, import::toGenAiMessages(stored->input));
                QCOMPARE_JSON(output, import::toGenAiMessages(stored->output));
                std::vector<Message> readIn, readOut;
                QCOMPARE(import::readMessages(input, readIn), std::string());
                QCOMPARE(import::readMessages(output, readOut), std::string());
                QVERIFY(readIn == stored->input); // system, tool calls with signatures, tool answers
                QVERIFY(readOut == stored->output);
            }
        }
    }

    void theMessageFormCarriesImagesAndCacheBreakpoints()
    {
        // What the export writes for a conversation that has them, had the workspace kept them.
        const Trace t = test::agentTrace("0123456789abcdef0123456789abcdef", kDay2);
        std::vector<Message> back;
        QCOMPARE(import::readMessages(json::parse(import::toGenAiMessages(t.input).dump()), back),
                 std::string());
        QVERIFY(back == t.input);
        QCOMPARE(back[1].images.size(), std::size_t{2});
        QCOMPARE(back[0].cacheBreakpoint, std::string("1h"));
    }

    void exchangesAreEventsOnTheirSpansAfterTheSpansOwnEvents()
    {
        const Trace& t = written_[1];
        for (std::size_t k = 0; k < t.exchanges.size(); ++k) {
            const Exchange& e = t.exchanges[k];
            const Span* owner =
                t.findSpan(e.spanId) ? t.findSpan(e.spanId) : t.root(); // unknown span: the root
            const json& events = (*spanIn(lines_[1], owner->spanId))["events"];
            QVERIFY(events.size() > owner->events.size());
            for (std::size_t n = 0; n < owner->events.size(); ++n) {
                QCOMPARE(events[n]["name"].get<std::string>(), owner->events[n].name);
                QCOMPARE_JSON(events[n]["timeUnixNano"], json(std::to_string(owner->events[n].time)));
            }
            const json& event = events[owner->events.size()];
            QCOMPARE_JSON(event["name"], json("tokenscope.exchange"));
            QCOMPARE(event["attributes"].size(), std::size_t{1});
            const json x = json::parse(attrIn(event["attributes"], "tokenscope.exchange.json")
                                           ->at("stringValue")
                                           .get<std::string>());
            QCOMPARE(x.size(), std::size_t{8});
            QCOMPARE(bytesOf(x["method"]), e.method);
            QCOMPARE(bytesOf(x["url"]), e.url);
            QCOMPARE(bytesOf(x["request_body"]), e.requestBody);
            QCOMPARE(bytesOf(x["response_body"]), e.responseBody);
            QCOMPARE(x["http_status"].get<int>(), e.httpStatus);
            QCOMPARE(x["request_headers"].size(), e.requestHeaders.size());
            for (std::size_t h = 0; h < e.requestHeaders.size(); ++h)
                QCOMPARE_JSON(x["request_headers"][h],
                              json::array({e.requestHeaders[h].first, e.requestHeaders[h].second}));
            QCOMPARE(x["response_headers"].size(), e.responseHeaders.size());
            QCOMPARE(x["chunks"].size(), e.chunks.size());
            for (std::size_t c = 0; c < e.chunks.size(); ++c) {
                QCOMPARE(x["chunks"][c][0].get<Nanos>(), e.chunks[c].at);
                QCOMPARE(bytesOf(x["chunks"][c][1]), e.chunks[c].data); // a cut UTF-8 character: base64
            }
        }
        // The streamed call's chunks cut "✓" in two: neither half is text, both come back exact.
        const json& second = (*spanIn(lines_[1], "a000000000000006"))["events"].back();
        const json x = json::parse(
            attrIn(second["attributes"], "tokenscope.exchange.json")->at("stringValue").get<std::string>());
        QVERIFY(x["chunks"][0][1].contains("base64"));
        QVERIFY(x["chunks"][1][1].contains("base64"));
    }

    void theGatewaysOtlpReceiverReadsEverySpanBack()
    {
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            json line = lines_[i];
            // The receiver predates non-finite doubles: drop the one attribute that has one.
            for (json& s : line["resourceSpans"][0]["scopeSpans"][0]["spans"]) {
                json& attributes = s["attributes"];
                for (auto it = attributes.begin(); it != attributes.end();)
                    it = (*it)["key"] == "tokenscope.unbounded" ? attributes.erase(it) : it + 1;
            }
            const serve::OtlpImport read = serve::parseOtlpTraces(line.dump());
            QCOMPARE(read.error, std::string());
            QCOMPARE(read.rejectedSpans, 0);
            QCOMPARE(read.traces.size(), std::size_t{1});
            const Trace& back = read.traces[0];
            QCOMPARE(back.traceId, written_[i].traceId);
            QCOMPARE(back.spans.size(), written_[i].spans.size());
            for (const Span& s : written_[i].spans) {
                const Span* b = back.findSpan(s.spanId);
                QVERIFY(b);
                QCOMPARE(b->parentSpanId, s.parentSpanId);
                QCOMPARE(b->name, s.name);
                QVERIFY(b->kind == s.kind && b->status == s.status);
                QCOMPARE(b->statusMessage, s.statusMessage);
                QCOMPARE(b->start, s.start);
                QCOMPARE(b->end, s.end);
                for (const auto& [key, value] : s.attributes)
                    if (key != "tokenscope.unbounded")
                        QVERIFY2(b->attr(key) && *b->attr(key) == value, key.c_str());
                // The exchange events are taken back out into the trace's exchanges.
                QCOMPARE(b->events.size(), s.events.size());
                for (std::size_t n = 0; n < s.events.size(); ++n)
                    QVERIFY(b->events[n] == s.events[n]);
            }
            // Exchanges come back in span order, bytes intact (a chunk cut inside a character too).
            const auto bodies = [](const std::vector<Exchange>& exchanges) {
                std::vector<std::string> out;
                for (const Exchange& e : exchanges) {
                    std::string all = e.requestBody + '|' + e.responseBody;
                    for (const Exchange::Chunk& c : e.chunks)
                        all += '|' + std::to_string(c.at) + ':' + c.data;
                    out.push_back(std::move(all));
                }
                std::sort(out.begin(), out.end());
                return out;
            };
            QVERIFY(bodies(back.exchanges) == bodies(written_[i].exchanges));
        }
    }

    void theFilterSelectsAndCancellingStops()
    {
        exporting::ExportRequest request;
        request.filter = parseFilter("user:u-17").filter;
        std::vector<std::string> lines;
        QCOMPARE(runExport(request, lines).traces, std::int64_t{2});
        QCOMPARE(lines.size(), std::size_t{2});
        for (const std::string& line : lines)
            QVERIFY(line.find("\"ada\"") == std::string::npos); // the rich trace's user is ada

        CancelToken cancel;
        cancel.cancel();
        request.filter = {};
        request.cancel = &cancel;
        lines.clear();
        const exporting::ExportResult stopped = runExport(request, lines);
        QVERIFY(stopped.cancelled);
        QVERIFY(lines.empty());
    }
};

QTEST_APPLESS_MAIN(TestOtlpExport)
#include "test_otlp_export.moc"
