#pragma once
#include "providers/provider.h"

#include <string>
#include <string_view>

namespace ts {

// Every provider's faults in one typed set, whatever the wire said (issue #4): what the user is
// told and what a router decides on.
enum class ErrorCategory {
    None,
    Auth,            // 401/403, a missing or wrong key
    RateLimited,     // 429 (retry after), not quota
    QuotaExceeded,   // 429 insufficient_quota, billing: waiting does not help
    DailyQuotaExhausted, // 429 against a per-day quota (Gemini's ...PerDay... quotaId): back the next day
    Overloaded,      // 529, 503, overloaded_error
    ContextTooLong,  // the prompt does not fit the model's window
    BadRequest,      // 400/404/422: the request itself is wrong
    Server,          // other 5xx
    Timeout,         // connect or idle timeout
    Network,         // refused, reset, dropped mid-stream
    MalformedStream, // the server answered something that is not its format
    Cancelled,       // the user stopped it
    Config,          // nothing was sent: unknown provider or model, no key, bad URL
};

ErrorCategory categorize(const ProviderError& error);
std::string_view categoryName(ErrorCategory category); // "rate_limited", "context_too_long", ...
// One sentence for the user: "Rate limited by the provider; it asked to wait 2 s."
std::string describeError(const ProviderError& error);

} // namespace ts
