#include "serve/gateway_error.h"

#include "providers/error_category.h"

namespace ts::serve {

namespace {

using Kind = GatewayError::Kind;

Kind kindFor(const ProviderError& error, ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::RateLimited: return Kind::RateLimited;
    case ErrorCategory::QuotaExceeded:
    case ErrorCategory::DailyQuotaExhausted: return Kind::QuotaExceeded;
    case ErrorCategory::Overloaded: return Kind::Overloaded;
    case ErrorCategory::ContextTooLong: return Kind::InvalidRequest;
    case ErrorCategory::BadRequest: return error.httpStatus == 404 ? Kind::NotFound : Kind::InvalidRequest;
    case ErrorCategory::Timeout: return Kind::Timeout;
    case ErrorCategory::Cancelled: return Kind::Cancelled;
    case ErrorCategory::Config: return error.type == "guard_blocked" ? Kind::InvalidRequest : Kind::Unavailable;
    default: return Kind::Upstream; // auth (the gateway's upstream key), server, network, malformed
    }
}

std::optional<std::int64_t> secondsFrom(const std::optional<std::int64_t>& ms)
{
    if (!ms || *ms <= 0)
        return std::nullopt;
    return (*ms + 999) / 1000;
}

} // namespace

GatewayError invalidRequest(std::string message, std::string param)
{
    return {Kind::InvalidRequest, std::move(message), std::move(param), {}, std::nullopt};
}

GatewayError fromProviderError(const ProviderError& error)
{
    const ErrorCategory category = categorize(error);
    GatewayError out;
    out.kind = kindFor(error, category);
    out.retryAfterSeconds = secondsFrom(error.retryAfterMs);
    if (category == ErrorCategory::Auth) {
        out.message = "The upstream provider refused the gateway's credentials; check the provider's key where "
                      "the gateway runs.";
        out.code = "upstream_auth_failed";
        return out;
    }
    if (error.code == "budget_exceeded") {
        // The gateway's own refusal: the budget's words, and it does reset (Retry-After says when).
        out.message = error.message;
        out.code = "budget_exceeded";
        return out;
    }
    out.message = describeError(error);
    if (category == ErrorCategory::ContextTooLong)
        out.code = "context_length_exceeded";
    else if (category == ErrorCategory::QuotaExceeded)
        out.code = "insufficient_quota";
    else if (error.type == "guard_blocked")
        out.code = "guard_blocked";
    else if (!error.code.empty())
        out.code = error.code;
    return out;
}

} // namespace ts::serve
