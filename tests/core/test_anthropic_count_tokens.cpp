// Anthropic's count_tokens over real HTTP on loopback: the request's shape, the count, the errors.
#include "mock_anthropic_server.h"
#include "providers/anthropic_count_tokens.h"
#include "qtest_std_string.h"
#include "refused_port.h"

#include <QtTest/QTest>

using ts::ProviderError;
using ts::test::MockAnthropicServer;

namespace {

const std::string kKey = "sk-ant-test-0123456789";

ts::ChatRequest request(const std::string& model)
{
    ts::ChatRequest r;
    r.model = model;
    r.maxTokens = 256;
    r.messages = {{ts::Role::System, "You are terse."},
                  {ts::Role::User, "What is a span?"},
                  {ts::Role::Assistant, "A timed step."},
                  {ts::Role::User, "And a trace?"}};
    r.tools = {{"lookup", "Look a term up.", R"({"type":"object","properties":{"term":{"type":"string"}}})"}};
    return r;
}

ts::AnthropicEndpoint endpoint(const MockAnthropicServer& server, std::string key = kKey)
{
    ts::AnthropicEndpoint e;
    e.baseUrl = server.baseUrl() + "/"; // a trailing slash is forgiven
    e.apiKey = std::move(key);
    return e;
}

ProviderError errorOf(const std::variant<std::int64_t, ProviderError>& r)
{
    return std::holds_alternative<ProviderError>(r) ? std::get<ProviderError>(r) : ProviderError{};
}

} // namespace

class TestAnthropicCountTokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsAndSendsTheMessagesShape()
    {
        MockAnthropicServer server(kKey);
        const auto result = ts::countTokensAnthropic(endpoint(server), request("claude-sonnet-4-20250514"));
        QVERIFY2(std::holds_alternative<std::int64_t>(result), errorOf(result).message.c_str());
        const auto sent = server.lastRequest();
        QCOMPARE(sent.path, std::string("/v1/messages/count_tokens"));
        QCOMPARE(sent.header("x-api-key"), kKey);
        QCOMPARE(sent.header("anthropic-version"), std::string("2023-06-01"));
        const auto body = sent.json();
        QCOMPARE(body["system"].get<std::string>(), std::string("You are terse."));
        QCOMPARE(body["messages"].size(), std::size_t{3});
        QCOMPARE(body["messages"][0]["role"].get<std::string>(), std::string("user"));
        QCOMPARE(body["tools"][0]["input_schema"]["properties"]["term"]["type"].get<std::string>(), std::string("string"));
        QVERIFY(!body.contains("max_tokens"));
        QCOMPARE(std::get<std::int64_t>(result), MockAnthropicServer::countFor(body));
    }

    void errorsAreTheProvidersOwn()
    {
        MockAnthropicServer server(kKey);
        auto e = errorOf(ts::countTokensAnthropic(endpoint(server, "sk-ant-wrong"), request("claude-sonnet-4")));
        QCOMPARE(e.kind, ProviderError::Kind::Http);
        QCOMPARE(e.httpStatus, 401);
        QCOMPARE(e.type, std::string("authentication_error"));
        QCOMPARE(e.message, std::string("invalid x-api-key"));

        e = errorOf(ts::countTokensAnthropic(endpoint(server), request("gpt-4o")));
        QCOMPARE(e.httpStatus, 404);
        QCOMPARE(e.type, std::string("not_found_error"));

        e = errorOf(ts::countTokensAnthropic(endpoint(server), request("claude-overloaded")));
        QCOMPARE(e.httpStatus, 529);
        QVERIFY(e.retryable());
        QCOMPARE(e.retryAfterMs.value_or(-1), std::int64_t{2000});
    }

    void noKeyNothingSent()
    {
        MockAnthropicServer server(kKey);
        const auto e = errorOf(ts::countTokensAnthropic(endpoint(server, ""), request("claude-sonnet-4")));
        QCOMPARE(e.kind, ProviderError::Kind::Config);
        QVERIFY(e.message.find("ANTHROPIC_API_KEY") != std::string::npos);
        QVERIFY(server.lastRequest().path.empty());
    }

    void unreachableServerIsANetworkError()
    {
        ts::test::RefusedPort refused;
        ts::AnthropicEndpoint e;
        e.baseUrl = "http://127.0.0.1:" + std::to_string(refused.port());
        e.apiKey = kKey;
        QCOMPARE(errorOf(ts::countTokensAnthropic(e, request("claude-sonnet-4"))).kind, ProviderError::Kind::Network);
    }

    void cancelledBeforeStartReturnsCancelled()
    {
        MockAnthropicServer server(kKey);
        ts::CancelToken cancel;
        cancel.cancel();
        QCOMPARE(errorOf(ts::countTokensAnthropic(endpoint(server), request("claude-sonnet-4"), &cancel)).kind,
                 ProviderError::Kind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestAnthropicCountTokens)
#include "test_anthropic_count_tokens.moc"
