#include "providers/endpoint.h"

#include "providers/secret_headers.h"

namespace ts {

ProviderError configError(std::string message)
{
    return ProviderError{.kind = ProviderError::Kind::Config, .message = std::move(message)};
}

std::optional<ProviderError> prepareHttp(const Endpoint& endpoint, std::string_view path, std::vector<Header> headers,
                                         std::string body, net::HttpRequest& http)
{
    std::string base = endpoint.baseUrl;
    if (!base.starts_with("http://") && !base.starts_with("https://"))
        return configError("base URL must start with http:// or https://: '" + base + "'");
    while (base.ends_with('/'))
        base.pop_back();
    http.method = "POST";
    http.url = base + (path.starts_with('/') ? "" : "/") + std::string(path);
    http.headers = std::move(headers);
    http.headers.insert(http.headers.end(), endpoint.extraHeaders.begin(), endpoint.extraHeaders.end());
    http.body = std::move(body);
    http.proxy = endpoint.proxy;
    http.connectTimeout = endpoint.connectTimeout;
    http.idleTimeout = endpoint.idleTimeout;
    http.totalTimeout = endpoint.totalTimeout;
    return std::nullopt;
}

std::optional<ProviderError> prepareGet(const Endpoint& endpoint, std::string_view path, std::vector<Header> headers,
                                        net::HttpRequest& http)
{
    auto error = prepareHttp(endpoint, path, std::move(headers), {}, http);
    http.method = "GET";
    return error;
}

Exchange exchangeFor(const net::HttpRequest& http)
{
    Exchange exchange;
    exchange.method = http.method;
    exchange.url = http.url;
    exchange.requestHeaders = redactSecrets(http.headers);
    exchange.requestBody = http.body;
    return exchange;
}

} // namespace ts
