#include "providers/error_category.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace ts {

namespace {

bool mentions(const std::string& text, std::string_view needle)
{
    std::string lower(text.size(), '\0');
    std::transform(text.begin(), text.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.find(needle) != std::string::npos;
}

// OpenAI: code context_length_exceeded; Anthropic: "prompt is too long"; Gemini: "exceeds the
// maximum number of tokens"; llama.cpp / vLLM: "context length", "context size".
bool contextTooLong(const ProviderError& e)
{
    return e.code == "context_length_exceeded" || e.type == "context_length_exceeded" ||
           mentions(e.message, "prompt is too long") || mentions(e.message, "maximum context length") ||
           mentions(e.message, "context length") || mentions(e.message, "context window") ||
           mentions(e.message, "exceeds the maximum number of tokens") || mentions(e.message, "context size");
}

ErrorCategory fromStatus(const ProviderError& e)
{
    const int s = e.httpStatus;
    if (s == 401 || s == 403 || e.type == "authentication_error" || e.type == "permission_error")
        return ErrorCategory::Auth;
    // OpenAI's insufficient_quota, Anthropic's spend cap and billing errors: waiting does not help.
    if (e.type == "insufficient_quota" || e.code == "insufficient_quota" || e.code == "enforced_spend_limit_reached" ||
        e.type == "billing_error")
        return ErrorCategory::QuotaExceeded;
    if (e.type == "daily_quota_exhausted")
        return ErrorCategory::DailyQuotaExhausted;
    if (s == 429)
        return ErrorCategory::RateLimited;
    if (s == 529 || s == 503 || e.type == "overloaded_error")
        return ErrorCategory::Overloaded;
    if (contextTooLong(e))
        return ErrorCategory::ContextTooLong;
    if (s == 408)
        return ErrorCategory::Timeout;
    if (s >= 500)
        return ErrorCategory::Server;
    return ErrorCategory::BadRequest;
}

} // namespace

ErrorCategory categorize(const ProviderError& e)
{
    switch (e.kind) {
    case ProviderError::Kind::None: return ErrorCategory::None;
    case ProviderError::Kind::Http: return fromStatus(e);
    case ProviderError::Kind::Stream:
        // An error event inside a 200 stream carries the provider's own type.
        if (e.type == "overloaded_error")
            return ErrorCategory::Overloaded;
        if (e.type == "daily_quota_exhausted") // Gemini's per-day quota, also when it comes mid-stream
            return ErrorCategory::DailyQuotaExhausted;
        if (e.type == "rate_limit_error" || e.type == "rate_limit_exceeded" || e.code == "RESOURCE_EXHAUSTED")
            return ErrorCategory::RateLimited;
        if (e.type == "server_error" || e.type == "api_error")
            return ErrorCategory::Server;
        if (contextTooLong(e))
            return ErrorCategory::ContextTooLong;
        return e.type.empty() ? ErrorCategory::MalformedStream : ErrorCategory::BadRequest;
    case ProviderError::Kind::Network: return ErrorCategory::Network;
    case ProviderError::Kind::Timeout: return ErrorCategory::Timeout;
    case ProviderError::Kind::Cancelled: return ErrorCategory::Cancelled;
    case ProviderError::Kind::Config: return ErrorCategory::Config;
    }
    return ErrorCategory::None;
}

std::string_view categoryName(ErrorCategory c)
{
    switch (c) {
    case ErrorCategory::None: return "none";
    case ErrorCategory::Auth: return "auth";
    case ErrorCategory::RateLimited: return "rate_limited";
    case ErrorCategory::QuotaExceeded: return "quota_exceeded";
    case ErrorCategory::DailyQuotaExhausted: return "daily_quota_exhausted";
    case ErrorCategory::Overloaded: return "overloaded";
    case ErrorCategory::ContextTooLong: return "context_too_long";
    case ErrorCategory::BadRequest: return "bad_request";
    case ErrorCategory::Server: return "server";
    case ErrorCategory::Timeout: return "timeout";
    case ErrorCategory::Network: return "network";
    case ErrorCategory::MalformedStream: return "malformed_stream";
    case ErrorCategory::Cancelled: return "cancelled";
    case ErrorCategory::Config: return "config";
    }
    return "unknown";
}

std::string describeError(const ProviderError& e)
{
    std::string wait;
    if (e.retryAfterMs) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "; it asked to wait %.3g s", static_cast<double>(*e.retryAfterMs) / 1000.0);
        wait = buf;
    }
    const std::string detail = e.message.empty() ? std::string() : " (" + e.message + ")";
    switch (categorize(e)) {
    case ErrorCategory::None: return {};
    case ErrorCategory::Auth: return "The provider refused the API key" + detail + ". Check the key in Settings or the environment.";
    case ErrorCategory::RateLimited: return "Rate limited by the provider" + wait + detail + ".";
    case ErrorCategory::QuotaExceeded: return "The account is out of quota or credit" + detail + "; waiting will not help.";
    case ErrorCategory::DailyQuotaExhausted:
        return "The provider refused the request: daily quota exhausted" + detail +
               ". It resets the next day; retrying sooner will not help.";
    case ErrorCategory::Overloaded: return "The provider is overloaded" + wait + detail + "; try again or another model.";
    case ErrorCategory::ContextTooLong: return "The prompt does not fit the model's context window" + detail + ".";
    case ErrorCategory::BadRequest: return "The provider rejected the request" + detail + ".";
    case ErrorCategory::Server: return "The provider had a server error" + detail + ".";
    case ErrorCategory::Timeout: return "The provider did not answer in time" + detail + ".";
    case ErrorCategory::Network: return "The connection failed" + detail + ".";
    case ErrorCategory::MalformedStream: return "The server's answer was not in the expected format" + detail + ".";
    case ErrorCategory::Cancelled: return "Stopped.";
    case ErrorCategory::Config: return e.message.empty() ? "Nothing was sent: the provider is not configured." : e.message + ".";
    }
    return e.message;
}

} // namespace ts
