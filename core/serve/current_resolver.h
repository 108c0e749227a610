#pragma once
#include "gateway/pipeline.h"
#include "serve/model_resolution.h"

#include <memory>
#include <mutex>
#include <vector>

namespace ts::serve {

// The model resolver for the providers the pipeline holds now. The GUI swaps them while its
// gateway runs (the user saved a provider, a key arrived from the keychain); requests after the
// swap resolve against the new set, requests in flight keep the resolver they started with.
class CurrentResolver
{
public:
    CurrentResolver(const Pipeline& pipeline, std::shared_ptr<const GatewayConfig> config,
                    std::vector<ProviderProfile> profiles);

    std::shared_ptr<const ModelResolver> get() const;

private:
    const Pipeline& pipeline_;
    std::shared_ptr<const GatewayConfig> config_;
    std::vector<ProviderProfile> profiles_; // kinds of the providers known at start
    mutable std::mutex mutex_;              // guards the two below
    mutable std::shared_ptr<const ProviderRegistry> builtFor_;
    mutable std::shared_ptr<const ModelResolver> current_;
};

} // namespace ts::serve
