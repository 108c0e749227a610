#pragma once
#include "providers/provider.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ts::serve {

// A failure the gateway answers with, before it is put in a dialect's envelope (OpenAI's
// {"error":{...}} or Anthropic's {"type":"error",...}); each dialect picks its own status and type.
struct GatewayError
{
    enum class Kind {
        InvalidRequest, // 400
        Authentication, // 401: no or a wrong gateway key
        NotFound,       // 404: unknown model or route
        TooLarge,       // 413
        UnsupportedMedia, // 415
        RateLimited,    // 429, with Retry-After when known
        QuotaExceeded,  // 429 that waiting does not fix
        Overloaded,     // OpenAI 503, Anthropic 529
        Upstream,       // 502: the provider failed or answered garbage
        Timeout,        // 504
        Unavailable,    // 503: nothing configured can serve it
        Cancelled,      // the client went away; nothing is written
    };
    Kind kind = Kind::InvalidRequest;
    std::string message;
    std::string param; // the request field at fault, when there is one
    std::string code;  // OpenAI's error.code, e.g. model_not_found
    std::optional<std::int64_t> retryAfterSeconds;
};

GatewayError invalidRequest(std::string message, std::string param = {});

// What a client hears for an upstream failure. Upstream auth failures never repeat the provider's
// message, which may quote part of the gateway's own key.
GatewayError fromProviderError(const ProviderError& error);

} // namespace ts::serve
