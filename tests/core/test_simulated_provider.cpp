#include "providers/simulated.h"

#include <QtTest>

using namespace ts;

namespace {

ChatRequest request(const std::string& prompt, std::optional<int> maxTokens = std::nullopt)
{
    ChatRequest r;
    r.provider = "simulated";
    r.model = "gpt-4o-mini";
    r.messages = {{Role::System, "Be brief."}, {Role::User, prompt}};
    r.maxTokens = maxTokens;
    return r;
}

CallResult callOnce(SimulatedProvider& p, const ChatRequest& r, std::string* streamed = nullptr)
{
    VirtualClock clock(1'000 * kNsPerSec);
    CallContext ctx;
    ctx.clock = &clock;
    ctx.onText = [streamed](std::string_view d, Nanos) {
        if (streamed)
            streamed->append(d);
        return true;
    };
    return p.call(r, ctx);
}

} // namespace

class TestSimulatedProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameAnswer()
    {
        SimulatedProvider a({.seed = 7}), b({.seed = 7}), c({.seed = 8});
        const auto r = request("Explain retries with exponential backoff");
        const auto ra = callOnce(a, r), rb = callOnce(b, r), rc = callOnce(c, r);
        QVERIFY(ra.ok());
        QCOMPARE(ra.response.text, rb.response.text);
        QCOMPARE(*ra.firstChunkAt, *rb.firstChunkAt);
        QVERIFY(ra.response.text != rc.response.text || *ra.firstChunkAt != *rc.firstChunkAt);
    }

    void streamsWhatItReturnsWithRealisticTiming()
    {
        SimulatedProvider p({.seed = 3, .jitter = 0.0});
        std::string streamed;
        const auto r = callOnce(p, request("Summarise the quarterly report"), &streamed);
        QVERIFY(r.ok());
        QCOMPARE(streamed, r.response.text);
        QVERIFY(r.chunkCount > 3);
        const double ttftMs = nsToMs(*r.firstChunkAt - r.startedAt);
        QVERIFY2(ttftMs > 100 && ttftMs < 2000, qPrintable(QString::number(ttftMs)));
        QVERIFY(r.finishedAt > *r.firstChunkAt);
        QVERIFY(r.response.usage.reported);
        QVERIFY(r.response.usage.inputTokens > 5);
        QVERIFY(r.response.usage.outputTokens > 3);
        QCOMPARE(r.exchange.chunks.back().data, std::string("[DONE]"));
        for (size_t i = 1; i < r.exchange.chunks.size(); ++i)
            QVERIFY(r.exchange.chunks[i].at >= r.exchange.chunks[i - 1].at);
    }

    void maxTokensCapsOutput()
    {
        SimulatedProvider p({.seed = 11, .defaultOutputTokens = 2000});
        auto req = request("Write a long essay on caching", 20);
        const auto r = callOnce(p, req);
        QVERIFY(r.ok());
        QVERIFY(r.response.usage.outputTokens <= 20);
    }

    void errorRateOneAlwaysFails()
    {
        SimulatedProvider p({.seed = 5, .errorRate = 1.0});
        int http = 0, network = 0;
        for (int i = 0; i < 40; ++i) {
            const auto r = callOnce(p, request("hello " + std::to_string(i)));
            QVERIFY(!r.ok());
            http += r.error.kind == ProviderError::Kind::Http;
            network += r.error.kind == ProviderError::Kind::Network;
            if (r.error.kind == ProviderError::Kind::Http && r.error.httpStatus == 429)
                QVERIFY(r.error.retryAfterMs.has_value());
        }
        QVERIFY(http > 0);
        QVERIFY(network > 0); // cuts mid-stream keep what arrived
    }

    void cancelStopsTheStream()
    {
        SimulatedProvider p({.seed = 2});
        SystemClock clock;
        CancelToken cancel;
        CallContext ctx{&clock, &cancel, [&](std::string_view, Nanos) {
                            cancel.cancel();
                            return true;
                        }};
        const auto r = p.call(request("Tell me a story about a lighthouse"), ctx);
        QCOMPARE(r.error.kind, ProviderError::Kind::Cancelled);
        QVERIFY(!r.response.text.empty());
    }

    void repeatedLongSystemPromptReadsFromCache()
    {
        SimulatedProvider p({.seed = 1});
        ChatRequest r = request("What changed?");
        r.messages[0].content = "Rules for the assistant:";
        for (int i = 0; i < 1500; ++i)
            r.messages[0].content += " rule" + std::to_string(i);
        const auto first = callOnce(p, r), second = callOnce(p, r);
        QCOMPARE(first.response.usage.cacheReadTokens, std::int64_t{0});
        QVERIFY(second.response.usage.cacheReadTokens >= 1024);
        QVERIFY(second.response.usage.cacheReadTokens <= second.response.usage.inputTokens);
    }

    void toolsProduceToolCalls()
    {
        SimulatedProvider p({.seed = 4});
        ChatRequest r = request("Read the config file");
        r.tools = {{"read_file", "Read a file", R"({"type":"object","properties":{"path":{"type":"string"}}})"}};
        const auto res = callOnce(p, r);
        QVERIFY(res.ok());
        QCOMPARE(res.response.finishReason, std::string("tool_calls"));
        QCOMPARE(res.response.toolCalls.size(), size_t{1});
        QCOMPARE(res.response.toolCalls[0].name, std::string("read_file"));
        QVERIFY(res.response.toolCalls[0].arguments.find("\"path\"") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestSimulatedProvider)
#include "test_simulated_provider.moc"
