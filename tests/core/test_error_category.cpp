// One typed error set whatever the provider said, and words for the user.
#include "providers/error_category.h"
#include "providers/gemini_reply.h"
#include "qtest_std_string.h"

#include <QtTest/QTest>

using ts::ErrorCategory;
using ts::ProviderError;
using Kind = ProviderError::Kind;

Q_DECLARE_METATYPE(ErrorCategory)
Q_DECLARE_METATYPE(ProviderError)

namespace {

ProviderError http(int status, std::string type = {}, std::string code = {}, std::string message = {})
{
    return ProviderError{Kind::Http, status, std::nullopt, std::move(type), std::move(code), std::move(message)};
}

// Gemini's 429: RESOURCE_EXHAUSTED with a QuotaFailure naming the quota, and a RetryInfo.
std::string geminiQuotaBody(const std::string& quotaId)
{
    const nlohmann::json violation{{"quotaMetric", "generativelanguage.googleapis.com/generate_content_free_tier_requests"},
                                   {"quotaId", quotaId},
                                   {"quotaDimensions", {{"location", "global"}, {"model", "gemini-2.5-pro"}}},
                                   {"quotaValue", "50"}};
    return nlohmann::json{{"error",
                           {{"code", 429},
                            {"message", "You exceeded your current quota, please check your plan and billing details."},
                            {"status", "RESOURCE_EXHAUSTED"},
                            {"details",
                             {{{"@type", "type.googleapis.com/google.rpc.QuotaFailure"}, {"violations", {violation}}},
                              {{"@type", "type.googleapis.com/google.rpc.RetryInfo"}, {"retryDelay", "17s"}}}}}}}
        .dump();
}

} // namespace

class TestErrorCategory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void categories_data()
    {
        QTest::addColumn<ProviderError>("error");
        QTest::addColumn<ErrorCategory>("category");
        QTest::newRow("openai 401") << http(401, "invalid_request_error", "invalid_api_key") << ErrorCategory::Auth;
        QTest::newRow("anthropic 401") << http(401, "authentication_error") << ErrorCategory::Auth;
        QTest::newRow("429") << http(429, "rate_limit_exceeded") << ErrorCategory::RateLimited;
        QTest::newRow("quota") << http(429, "insufficient_quota", "insufficient_quota") << ErrorCategory::QuotaExceeded;
        QTest::newRow("anthropic spend cap") << http(429, "rate_limit_error", "enforced_spend_limit_reached")
                                             << ErrorCategory::QuotaExceeded;
        QTest::newRow("anthropic billing") << http(400, "billing_error") << ErrorCategory::QuotaExceeded;
        QTest::newRow("anthropic 529") << http(529, "overloaded_error") << ErrorCategory::Overloaded;
        QTest::newRow("503") << http(503) << ErrorCategory::Overloaded;
        QTest::newRow("openai context") << http(400, "invalid_request_error", "context_length_exceeded",
                                                "This model's maximum context length is 128000 tokens.")
                                        << ErrorCategory::ContextTooLong;
        QTest::newRow("anthropic context") << http(400, "invalid_request_error", {}, "prompt is too long: 210000 tokens > 200000 maximum")
                                           << ErrorCategory::ContextTooLong;
        QTest::newRow("bad request") << http(400, "invalid_request_error", {}, "temperature: must be <= 2") << ErrorCategory::BadRequest;
        QTest::newRow("not found") << http(404, "not_found_error") << ErrorCategory::BadRequest;
        QTest::newRow("500") << http(500, "server_error") << ErrorCategory::Server;
        QTest::newRow("stream daily quota") << ProviderError{Kind::Stream, 200, std::nullopt, "daily_quota_exhausted",
                                                             "RESOURCE_EXHAUSTED", "quota"}
                                            << ErrorCategory::DailyQuotaExhausted;
        QTest::newRow("stream resource exhausted") << ProviderError{Kind::Stream, 200, std::nullopt, {},
                                                                    "RESOURCE_EXHAUSTED", "busy"}
                                                   << ErrorCategory::RateLimited;
        QTest::newRow("stream overloaded") << ProviderError{Kind::Stream, 200, std::nullopt, "overloaded_error", {}, "Overloaded"}
                                           << ErrorCategory::Overloaded;
        QTest::newRow("malformed") << ProviderError{Kind::Stream, 200, std::nullopt, {}, {}, "malformed chunk: {\"id"}
                                   << ErrorCategory::MalformedStream;
        QTest::newRow("timeout") << ProviderError{Kind::Timeout} << ErrorCategory::Timeout;
        QTest::newRow("network") << ProviderError{Kind::Network} << ErrorCategory::Network;
        QTest::newRow("cancelled") << ProviderError{Kind::Cancelled} << ErrorCategory::Cancelled;
        QTest::newRow("config") << ProviderError{Kind::Config} << ErrorCategory::Config;
    }

    void categories()
    {
        QFETCH(ProviderError, error);
        QFETCH(ErrorCategory, category);
        QCOMPARE(ts::categorize(error), category);
        QVERIFY(!ts::describeError(error).empty());
    }

    void geminiQuotaPerDayOrPerMinute_data()
    {
        QTest::addColumn<QString>("quotaId");
        QTest::addColumn<ErrorCategory>("category");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("per day") << QStringLiteral("GenerateRequestsPerDayPerProjectPerModel-FreeTier")
                                 << ErrorCategory::DailyQuotaExhausted << false;
        QTest::newRow("per minute") << QStringLiteral("GenerateRequestsPerMinutePerProjectPerModel-FreeTier")
                                    << ErrorCategory::RateLimited << true;
    }

    void geminiQuotaPerDayOrPerMinute()
    {
        QFETCH(QString, quotaId);
        QFETCH(ErrorCategory, category);
        QFETCH(bool, retryable);
        const ProviderError e = ts::gemini::httpError(429, geminiQuotaBody(quotaId.toStdString()));
        QCOMPARE(ts::categorize(e), category);
        QCOMPARE(e.retryable(), retryable);
        const std::string text = ts::describeError(e);
        QCOMPARE(text.find("daily quota exhausted") != std::string::npos, category == ErrorCategory::DailyQuotaExhausted);
        if (category == ErrorCategory::DailyQuotaExhausted)
            QCOMPARE(std::string(ts::categoryName(category)), std::string("daily_quota_exhausted"));
    }

    void wordsNameTheWait()
    {
        ProviderError e = http(429, "rate_limit_exceeded", {}, "Rate limit reached");
        e.retryAfterMs = 2000;
        const std::string text = ts::describeError(e);
        QVERIFY2(text.find("wait 2 s") != std::string::npos, text.c_str());
        QCOMPARE(std::string(ts::categoryName(ts::categorize(e))), std::string("rate_limited"));
    }
};

QTEST_GUILESS_MAIN(TestErrorCategory)
#include "test_error_category.moc"
