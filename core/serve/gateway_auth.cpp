#include "serve/gateway_auth.h"

namespace ts::serve {

bool isLoopbackHost(std::string_view host)
{
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

std::string startRefusal(std::string_view host, const GatewayConfig& config)
{
    if (isLoopbackHost(host) || !config.keys.empty())
        return {};
    return "refusing to listen on " + std::string(host) +
           " without virtual keys: off loopback every client must present one; add \"keys\" to the gateway "
           "config (--config FILE) or listen on 127.0.0.1";
}

std::string_view presentedSecret(std::string_view authorization, std::string_view apiKey)
{
    constexpr std::string_view kBearer = "Bearer ";
    if (authorization.size() > kBearer.size() && authorization.substr(0, kBearer.size()) == kBearer)
        return authorization.substr(kBearer.size());
    return apiKey;
}

Caller identify(const GatewayConfig& config, bool required, std::string_view secret)
{
    Caller caller;
    caller.key = secret.empty() || config.keys.empty() ? nullptr : config.keyForSecret(secret);
    caller.refused = required && !caller.key;
    return caller;
}

} // namespace ts::serve
