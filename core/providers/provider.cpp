#include "providers/provider.h"

namespace ts {

bool ProviderError::retryable() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
        return true;
    case Kind::Http:
        if (httpStatus == 429)
            return type != "insufficient_quota" && code != "insufficient_quota" && type != "daily_quota_exhausted" &&
                   code != "enforced_spend_limit_reached" && type != "billing_error";
        return httpStatus == 408 || httpStatus == 409 || httpStatus >= 500;
    case Kind::Stream:
        return type == "server_error" || type == "overloaded_error" || type == "api_error";
    default:
        return false;
    }
}

std::string_view kindName(ProviderError::Kind kind)
{
    switch (kind) {
    case ProviderError::Kind::None: return "none";
    case ProviderError::Kind::Http: return "http";
    case ProviderError::Kind::Stream: return "stream";
    case ProviderError::Kind::Network: return "network";
    case ProviderError::Kind::Timeout: return "timeout";
    case ProviderError::Kind::Cancelled: return "cancelled";
    case ProviderError::Kind::Config: return "config";
    }
    return "unknown";
}

void ProviderRegistry::add(std::shared_ptr<Provider> provider)
{
    for (auto& p : providers_)
        if (p->id() == provider->id()) {
            p = std::move(provider);
            return;
        }
    providers_.push_back(std::move(provider));
}

std::shared_ptr<Provider> ProviderRegistry::find(std::string_view id) const
{
    for (const auto& p : providers_)
        if (p->id() == id)
            return p;
    return nullptr;
}

} // namespace ts
