// What a guard policy rewrites never leaves in an export: messages, text attributes, events,
// status messages and raw exchanges, a key cut between two chunks, an e-mail streamed token by
// token; and what it does not rewrite comes out exactly as stored.
#include "export_fixtures.h"
#include "guard/policy.h"
#include "qtest_std_string.h"
#include "trace/export/export_redaction.h"
#include "trace/export/otlp_export.h"

#include <QTemporaryDir>
#include <QtTest/QTest>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace ts;
using namespace ts::exporting;

namespace {

constexpr Nanos kJan1 = 1'767'225'600'000'000'000;

std::string joinedChunks(const Exchange& e)
{
    std::string out;
    for (const Exchange::Chunk& c : e.chunks)
        out += c.data;
    return out;
}

} // namespace

class TestExportRedaction : public QObject
{
    Q_OBJECT

  private:
    const ExportRedaction defaults_{guard::defaultPolicy()};
    Trace redacted_ = [this] {
        Trace t = test::sensitiveTrace("0000000000000000000000000000000a", kJan1);
        defaults_.apply(t);
        return t;
    }();

  private slots:
    void otlpExportHoldsNoneOfWhatThePolicyRewrites()
    {
        QTemporaryDir dir;
        auto store = test::workspaceWith(dir.filePath(QStringLiteral("r.db")).toStdString(),
                                         {test::sensitiveTrace("0000000000000000000000000000000a", kJan1)});
        auto reader = store->reader();
        std::ostringstream clear, redacted;
        ExportRequest request;
        QVERIFY(exportOtlp(*reader, request, clear).ok());
        request.redaction = &defaults_;
        QVERIFY(exportOtlp(*reader, request, redacted).ok());
        for (const std::string& secret : {test::kSecretEmail, test::kSecretCard, test::kSecretKey}) {
            QVERIFY(clear.str().find(secret) != std::string::npos); // the test has teeth
            QVERIFY2(redacted.str().find(secret) == std::string::npos, secret.c_str());
        }
        QVERIFY(redacted.str().find("[EMAIL_1]") != std::string::npos);
        QVERIFY(redacted.str().find("[CARD_1]") != std::string::npos);
        QVERIFY(redacted.str().find("[OPENAI_KEY_1]") != std::string::npos);
    }

    void everyPlaceIsRewrittenWithOnePlaceholderPerValue()
    {
        const Trace& t = redacted_;
        const std::string all = "mail [EMAIL_1], card [CARD_1], key [OPENAI_KEY_1]";
        QCOMPARE(t.input[0].content, "Please remember " + all);
        QCOMPARE(t.output[0].content, "Noted: " + all);
        QCOMPARE(t.output[0].toolCalls[0].arguments, "{\"text\":\"" + all + "\"}");
        const Span& root = t.spans[0];
        QCOMPARE(root.statusMessage, "upstream refused: " + all);
        for (const char* key : {"gen_ai.prompt", "input.value", "error.message"})
            QCOMPARE(root.attrString(key), all);
        QCOMPARE(root.attrString("tokenscope.user"), std::string("[EMAIL_1]"));
        QCOMPARE(std::get<std::vector<std::string>>(*root.attr("tokenscope.notes.messages")),
                 (std::vector<std::string>{"first", all}));
        QCOMPARE(root.events[0].attributes.at("exception.message"), AttrValue(all));
        QVERIFY(t.exchanges[0].requestBody.find(all) != std::string::npos);
        QVERIFY(t.exchanges[0].responseBody.find(all) != std::string::npos);
        // What holds no user text is left as it was.
        QCOMPARE(root.attrString("tokenscope.source"), std::string("gateway"));
        QCOMPARE(t.spans[1].attrString("gen_ai.request.model"), std::string("gpt-4o-mini"));
    }

    void aKeyCutBetweenTwoChunksIsFoundAndTheCutKept()
    {
        const Trace original = test::sensitiveTrace("0000000000000000000000000000000a", kJan1);
        const Exchange& e = redacted_.exchanges[1];
        QCOMPARE(e.chunks.size(), std::size_t{2});
        QCOMPARE(joinedChunks(e), std::string("data: {\"key\":\"[OPENAI_KEY_1]\"}\n\n"));
        QVERIFY(e.chunks[0].data.starts_with("data: {\"key\":\""));
        for (std::size_t i = 0; i < e.chunks.size(); ++i)
            QCOMPARE(e.chunks[i].at, original.exchanges[1].chunks[i].at);
    }

    void aValueStreamedTokenByTokenTakesTheChunksDataButNotTheirTimes()
    {
        const Trace original = test::sensitiveTrace("0000000000000000000000000000000a", kJan1);
        const Exchange& e = redacted_.exchanges[2];
        QCOMPARE(e.chunks.size(), original.exchanges[2].chunks.size());
        for (std::size_t i = 0; i < e.chunks.size(); ++i) {
            QCOMPARE(e.chunks[i].data, std::string());
            QCOMPARE(e.chunks[i].at, original.exchanges[2].chunks[i].at);
        }
    }

    void aTraceWithNothingToRewriteComesOutUnchanged()
    {
        const Trace original = test::agentTrace("0123456789abcdef0123456789abcdef", kJan1);
        Trace t = original;
        defaults_.apply(t);
        QVERIFY(t.spans == original.spans);
        QVERIFY(t.input == original.input);
        QVERIFY(t.output == original.output);
        QVERIFY(t.exchanges == original.exchanges); // a UTF-8 character cut between chunks included
    }

    void aPolicyOfItsOwnRewritesWhatItNames()
    {
        // Masking e-mails on the way in and hashing secrets on the way out: both apply, the card
        // (named by neither) stays.
        const ExportRedaction own(
            guard::parsePolicyText(R"({"input": {"email": "mask"}, "output": {"secret": "hash"}})"));
        Trace t = test::sensitiveTrace("0000000000000000000000000000000a", kJan1);
        own.apply(t);
        const std::string& text = t.input[0].content;
        QVERIFY2(text.find("a***@e***.com") != std::string::npos, text.c_str());
        QVERIFY(text.find("<openai_key:sha256:") != std::string::npos);
        QVERIFY(text.find(test::kSecretCard) != std::string::npos);
        QVERIFY(t.spans[0].attrString("input.value").find(test::kSecretCard) != std::string::npos);
    }

    void holdsUserText_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("text");
        for (const char* key :
             {"gen_ai.prompt", "gen_ai.prompt.0.content", "gen_ai.completion.0.content",
              "gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions", "input.value",
              "output.value", "error.message", "exception.message", "tokenscope.user", "tokenscope.session",
              "gen_ai.tool.call.arguments", "gen_ai.tool.call.result", "langfuse.observation.input",
              "llm.input_messages.0.message.content"})
            QTest::newRow(key) << QString::fromUtf8(key) << true;
        for (const char* key : {"gen_ai.request.model", "gen_ai.usage.input_tokens", "gen_ai.tool.call.id",
                                "tokenscope.cache.key", "tokenscope.guard.types", "tokenscope.source",
                                "service.name", "gen_ai.response.id", "http.response.status_code"})
            QTest::newRow(key) << QString::fromUtf8(key) << false;
    }

    void holdsUserText()
    {
        QFETCH(QString, key);
        QFETCH(bool, text);
        QCOMPARE(exporting::holdsUserText(key.toStdString()), text);
    }
};

QTEST_APPLESS_MAIN(TestExportRedaction)
#include "test_export_redaction.moc"
