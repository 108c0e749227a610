#include "providers/gemini_reply.h"

#include "providers/json_fields.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

namespace ts::gemini {

using nlohmann::json;

namespace {

constexpr std::array<std::string_view, 9> kFiltered{"SAFETY",
                                                    "RECITATION",
                                                    "LANGUAGE",
                                                    "BLOCKLIST",
                                                    "PROHIBITED_CONTENT",
                                                    "SPII",
                                                    "IMAGE_SAFETY",
                                                    "IMAGE_PROHIBITED_CONTENT",
                                                    "IMAGE_RECITATION"};
constexpr std::array<std::string_view, 3> kToolFaults{"MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL",
                                                      "TOO_MANY_TOOL_CALLS"};

bool among(std::string_view value, const auto& names)
{
    return std::find(names.begin(), names.end(), value) != names.end();
}

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The `reason` of an ErrorInfo detail, e.g. API_KEY_INVALID.
std::string errorInfoReason(const json& status)
{
    if (const json* details = field(status, "details"); details && details->is_array())
        for (const json& detail : *details)
            if (const std::string reason = stringField(detail, "reason"); !reason.empty())
                return reason;
    return {};
}

// RetryInfo.retryDelay is a protobuf Duration in JSON: "43s", "1.5s".
std::optional<std::int64_t> retryDelayMs(const json& status)
{
    const json* details = field(status, "details");
    if (!details || !details->is_array())
        return std::nullopt;
    for (const json& detail : *details) {
        if (!stringField(detail, "@type").ends_with("google.rpc.RetryInfo"))
            continue;
        const std::string delay = stringField(detail, "retryDelay");
        double seconds = 0;
        const auto [end, ec] = std::from_chars(delay.data(), delay.data() + delay.size(), seconds);
        if (ec == std::errc() && std::string_view(end) == "s" && seconds >= 0)
            return static_cast<std::int64_t>(std::llround(seconds * 1000));
    }
    return std::nullopt;
}

// A QuotaFailure whose quota is counted per day (quotaId "GenerateRequestsPerDayPerProjectPerModel-FreeTier"):
// waiting a minute does not help.
bool perDayQuota(const json& status)
{
    const json* details = field(status, "details");
    if (!details || !details->is_array())
        return false;
    for (const json& detail : *details) {
        const json* violations = stringField(detail, "@type").ends_with("google.rpc.QuotaFailure")
                                     ? field(detail, "violations")
                                     : nullptr;
        if (violations && violations->is_array())
            for (const json& v : *violations)
                if (stringField(v, "quotaId").find("PerDay") != std::string::npos)
                    return true;
    }
    return false;
}

std::string typeFor(const std::string& status, const std::string& reason)
{
    if (reason == "API_KEY_INVALID" || status == "UNAUTHENTICATED")
        return "authentication_error";
    if (status == "PERMISSION_DENIED")
        return "permission_error";
    if (status == "RESOURCE_EXHAUSTED")
        return "rate_limit_error";
    if (status == "UNAVAILABLE")
        return "overloaded_error";
    if (status == "INTERNAL" || status == "UNKNOWN" || status == "DEADLINE_EXCEEDED")
        return "server_error";
    if (status == "NOT_FOUND")
        return "not_found_error";
    if (status == "INVALID_ARGUMENT" || status == "FAILED_PRECONDITION" || status == "OUT_OF_RANGE")
        return "invalid_request_error";
    return lowered(status);
}

} // namespace

Usage usageFrom(const json& usage)
{
    Usage out;
    out.inputTokens = intField(usage, "promptTokenCount") + intField(usage, "toolUsePromptTokenCount");
    out.cacheReadTokens = intField(usage, "cachedContentTokenCount");
    out.reasoningTokens = intField(usage, "thoughtsTokenCount");
    out.outputTokens = intField(usage, "candidatesTokenCount") + out.reasoningTokens;
    out.reported = true;
    return out;
}

std::string finishReason(std::string_view reason, bool calledTools)
{
    if (reason == "STOP")
        return calledTools ? "tool_calls" : "stop";
    if (reason == "MAX_TOKENS")
        return "length";
    if (among(reason, kFiltered))
        return "content_filter";
    if (among(reason, kToolFaults))
        return "error";
    return lowered(reason);
}

ProviderError errorFrom(const json& status, ProviderError::Kind kind)
{
    ProviderError out{.kind = kind};
    if (!status.is_object()) {
        out.message = status.is_string() ? status.get<std::string>() : status.dump();
        return out;
    }
    out.code = stringField(status, "status");
    out.type = typeFor(out.code, errorInfoReason(status));
    if (out.code == "RESOURCE_EXHAUSTED" && perDayQuota(status))
        out.type = "daily_quota_exhausted";
    out.message = stringField(status, "message");
    out.retryAfterMs = retryDelayMs(status);
    return out;
}

ProviderError httpError(int status, std::string_view body)
{
    json parsed = json::parse(body, nullptr, false);
    if (parsed.is_array() && !parsed.empty())
        parsed = parsed.front();
    const json* error = field(parsed, "error");
    ProviderError out = error ? errorFrom(*error, ProviderError::Kind::Http)
                              : ProviderError{.kind = ProviderError::Kind::Http};
    out.httpStatus = status;
    if (out.message.empty())
        out.message = "HTTP " + std::to_string(status);
    return out;
}

} // namespace ts::gemini
