#pragma once
#include "net/http_client.h"
#include "providers/provider.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts {

// How to reach one provider: every provider's config starts with this.
struct Endpoint
{
    std::string baseUrl;
    std::string apiKey;               // sent the way the provider wants it; never recorded
    std::vector<Header> extraHeaders; // custom headers, e.g. OpenAI-Organization, a gateway's tags
    std::string proxy;                // empty: libcurl's default (honours http_proxy / https_proxy)
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds idleTimeout{60'000}; // no byte for this long ends the call
    std::chrono::milliseconds totalTimeout{0};     // 0: none
};

ProviderError configError(std::string message);

// A POST of `body` to baseUrl + path (one slash between them) with the endpoint's proxy, timeouts
// and custom headers after `headers`; a Config error when the base URL is not http(s).
std::optional<ProviderError> prepareHttp(const Endpoint& endpoint, std::string_view path, std::vector<Header> headers,
                                         std::string body, net::HttpRequest& http);

// A GET of baseUrl + path (query included), otherwise as prepareHttp.
std::optional<ProviderError> prepareGet(const Endpoint& endpoint, std::string_view path, std::vector<Header> headers,
                                        net::HttpRequest& http);

// The exchange as recorded: secrets in headers redacted.
Exchange exchangeFor(const net::HttpRequest& http);

} // namespace ts
