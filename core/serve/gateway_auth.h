#pragma once
#include "gateway/gateway_config.h"

#include <string>
#include <string_view>

namespace ts::serve {

// 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(std::string_view host);

// Why the gateway may not listen on `host` with `config` (CONTRACTS: off loopback it needs virtual
// keys), or "" when it may.
std::string startRefusal(std::string_view host, const GatewayConfig& config);

// The secret a client presented: "Authorization: Bearer S", else the x-api-key header.
std::string_view presentedSecret(std::string_view authorization, std::string_view apiKey);

// Who a request is: the virtual key it presented, if any. `required` (off loopback) makes a missing
// or unknown key a refusal; on loopback an unknown key is ignored (SDKs always send one).
struct Caller
{
    const VirtualKey* key = nullptr;
    bool refused = false;
};
Caller identify(const GatewayConfig& config, bool required, std::string_view secret);

} // namespace ts::serve
