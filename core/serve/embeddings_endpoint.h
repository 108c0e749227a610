#pragma once
#include "providers/openai_embedder.h"
#include "providers/provider_profile.h"
#include "serve/gateway_error.h"

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace ts::serve {

// POST /v1/embeddings, passed to an OpenAI-compatible server the user set up (a profile of kind
// "openai"): "PROFILE/MODEL" picks the profile, a bare model goes to the first one. Answers in
// OpenAI's list format, as floats or, when asked (the Node SDK asks by default), base64 of
// little-endian float32.
class EmbeddingsEndpoint
{
public:
    EmbeddingsEndpoint(const std::vector<ProviderProfile>& profiles, const KeyLookup& keys);

    bool available() const { return !servers_.empty(); }
    std::variant<std::string, GatewayError> handle(std::string_view body, const CancelToken* cancel) const;

private:
    const OpenAIEmbedderConfig* serverFor(std::string& model) const;

    std::vector<std::pair<std::string, OpenAIEmbedderConfig>> servers_; // profile id, endpoint
};

} // namespace ts::serve
