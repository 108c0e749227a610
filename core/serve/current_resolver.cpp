#include "serve/current_resolver.h"

namespace ts::serve {

CurrentResolver::CurrentResolver(const Pipeline& pipeline, std::shared_ptr<const GatewayConfig> config,
                                 std::vector<ProviderProfile> profiles)
    : pipeline_(pipeline), config_(std::move(config)), profiles_(std::move(profiles))
{
}

std::shared_ptr<const ModelResolver> CurrentResolver::get() const
{
    auto registry = pipeline_.providerRegistry();
    std::lock_guard lock(mutex_);
    if (registry != builtFor_) {
        current_ = std::make_shared<const ModelResolver>(registry, config_, profiles_);
        builtFor_ = std::move(registry);
    }
    return current_;
}

} // namespace ts::serve
