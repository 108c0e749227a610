#include "export_fixtures.h"

#include "model/attributes.h"

#include <stdexcept>

namespace ts::test {

namespace {

Span span(const std::string& traceId, const std::string& id, const std::string& parent,
          const std::string& name, Nanos start, Nanos end)
{
    Span s;
    s.traceId = traceId;
    s.spanId = id;
    s.parentSpanId = parent;
    s.name = name;
    s.start = start;
    s.end = end;
    s.status = SpanStatus::Ok;
    return s;
}

Span modelCall(const std::string& traceId, const std::string& id, const std::string& parent, Nanos start,
               std::int64_t in, std::int64_t out, double cost)
{
    Span s = span(traceId, id, parent, "llm.call", start, start + 800'000'000);
    s.kind = SpanKind::Client;
    s.attributes = {{std::string(attr::kStage), std::string("llm.call")},
                    {std::string(attr::kRequestModel), std::string("gpt-4o-mini")},
                    {std::string(attr::kProviderName), std::string("openai")},
                    {std::string(attr::kInputTokens), in},
                    {std::string(attr::kOutputTokens), out},
                    {std::string(attr::kCacheReadTokens), std::int64_t{64}},
                    {std::string(attr::kCostUsd), cost},
                    {std::string(attr::kTimeToFirstChunk), 0.25},
                    {std::string(attr::kFinishReasons), std::vector<std::string>{"tool_calls"}},
                    {std::string(attr::kRequestStream), true}};
    return s;
}

Exchange exchangeOf(const std::string& spanId, Nanos at, std::string requestBody,
                    std::vector<Exchange::Chunk> chunks)
{
    Exchange e;
    e.spanId = spanId;
    e.url = "https://api.openai.com/v1/chat/completions";
    e.requestHeaders = {{"content-type", "application/json"}, {"authorization", "<redacted>"}};
    e.requestBody = std::move(requestBody);
    e.httpStatus = 200;
    e.responseHeaders = {{"content-type", "text/event-stream"}, {"x-request-id", "req_1"}};
    e.chunks = std::move(chunks);
    for (Exchange::Chunk& c : e.chunks)
        c.at += at;
    return e;
}

std::string delta(const std::string& text)
{
    return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"}}]}\n\n";
}

} // namespace

Trace agentTrace(const std::string& traceId, Nanos start)
{
    Trace t;
    t.traceId = traceId;
    const std::string root = "a000000000000001", guard = "a000000000000002", route = "a000000000000003",
                      first = "a000000000000004", tool = "a000000000000005", second = "a000000000000006";
    Span r = span(traceId, root, "", "chat gpt-4o-mini", start, start + 3'000'000'000);
    r.kind = SpanKind::Server;
    r.attributes = {{"service.name", std::string("support-bot")},
                    {std::string(attr::kRequestModel), std::string("gpt-4o-mini")},
                    {std::string(attr::kSource), std::string("gateway")},
                    {std::string(attr::kUser), std::string("u-17")},
                    {std::string(attr::kTags), std::string("agent,beta")}};
    t.spans.push_back(r);
    Span g = span(traceId, guard, root, "guard.input", start, start + 2'000'000);
    g.attributes = {{std::string(attr::kStage), std::string("guard.input")}};
    t.spans.push_back(g);
    Span rt = span(traceId, route, root, "route", start + 2'000'000, start + 2'900'000'000);
    rt.attributes = {{std::string(attr::kStage), std::string("route")},
                     {std::string(attr::kAttempt), std::int64_t{2}}};
    t.spans.push_back(rt);
    Span call1 = modelCall(traceId, first, route, start + 3'000'000, 900, 40, 0.00021);
    call1.status = SpanStatus::Error;
    call1.statusMessage = "rate limited";
    call1.events = {SpanEvent{start + 700'000'000,
                              "exception",
                              {{"exception.type", std::string("RateLimitError")}, {"retry", true}}}};
    t.spans.push_back(call1);
    Span tl = span(traceId, tool, route, "tool lookup", start + 900'000'000, start + 1'000'000'000);
    tl.attributes = {{std::string(attr::kStage), std::string("tool")},
                     {std::string(attr::kToolName), std::string("lookup")}};
    t.spans.push_back(tl);
    t.spans.push_back(modelCall(traceId, second, route, start + 1'100'000'000, 1200, 85, 0.00034));
    t.input = {
        Message{Role::System, "You are a support agent.", {}, {}, {}, {}, "1h"},
        Message{Role::User,
                "What is in this picture?",
                {},
                {},
                {},
                {ImagePart{"image/png", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk", {}},
                 ImagePart{"image/jpeg", {}, "https://example.test/cat.jpg"}},
                "5m"}};
    t.output = {
        Message{
            Role::Assistant, "", {ToolCall{"call_9", "lookup", R"({"q": "cat"})", "sig-1"}}, {}, {}, {}, {}},
        Message{Role::Tool, "a tabby cat", {}, "call_9", "lookup", {}, {}},
        Message{Role::Assistant, "It is a tabby cat.", {}, {}, {}, {}, {}}};
    const std::string check = "✓"; // three bytes, cut between two chunks
    t.exchanges = {
        exchangeOf(first, start, R"({"model":"gpt-4o-mini"})", {{1, "rate limited"}}),
        exchangeOf(second, start, R"({"model":"gpt-4o-mini","stream":true})",
                   {{1, delta("It is") + check.substr(0, 1)}, {2, check.substr(1) + delta(" a tabby cat.")}}),
        exchangeOf("ffffffffffffffff", start, "{}", {})};
    t.exchanges[0].httpStatus = 429;
    return t;
}

Trace sensitiveTrace(const std::string& traceId, Nanos start)
{
    const std::string all = "mail " + kSecretEmail + ", card " + kSecretCard + ", key " + kSecretKey;
    Trace t;
    t.traceId = traceId;
    Span r = span(traceId, "b000000000000001", "", "chat", start, start + 1'000'000'000);
    r.status = SpanStatus::Error;
    r.statusMessage = "upstream refused: " + all;
    r.attributes = {{std::string(attr::kSource), std::string("gateway")},
                    {std::string(attr::kUser), kSecretEmail},
                    {"gen_ai.prompt", all},
                    {"input.value", all},
                    {"error.message", all},
                    {"tokenscope.notes.messages", std::vector<std::string>{"first", all}}};
    r.events = {SpanEvent{start + 5, "exception", {{"exception.message", all}}}};
    t.spans.push_back(r);
    Span call = modelCall(traceId, "b000000000000002", r.spanId, start + 1'000, 30, 12, 0.0001);
    t.spans.push_back(call);
    t.input = {Message{Role::User, "Please remember " + all, {}, {}, {}, {}, {}}};
    t.output = {Message{Role::Assistant,
                        "Noted: " + all,
                        {ToolCall{"call_1", "save", "{\"text\":\"" + all + "\"}", {}}},
                        {},
                        {},
                        {},
                        {}}};
    const std::string body = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + all + "\"}]}";
    t.exchanges.push_back(exchangeOf(call.spanId, start, body, {}));
    t.exchanges.back().responseBody = "{\"choices\":[{\"message\":{\"content\":\"" + all + "\"}}]}";
    const std::size_t cut = kSecretKey.size() / 2;
    t.exchanges.push_back(exchangeOf(
        call.spanId, start, "{}",
        {{1, "data: {\"key\":\"" + kSecretKey.substr(0, cut)}, {2, kSecretKey.substr(cut) + "\"}\n\n"}}));
    t.exchanges.push_back(exchangeOf(
        call.spanId, start, "{}", {{1, delta("ada.")}, {2, delta("lovelace@")}, {3, delta("example.com")}}));
    return t;
}

std::unique_ptr<TraceStore> workspaceWith(const std::string& path, const std::vector<Trace>& traces)
{
    auto store = TraceStore::open(path, TraceStore::OpenMode::CreateIfMissing);
    for (const Trace& t : traces)
        store->write(t);
    if (!store->flush())
        throw std::runtime_error("writing the test workspace failed: " + store->lastError());
    return store;
}

} // namespace ts::test
