#pragma once
#include "net/http_client.h"
#include "providers/provider.h"
#include "providers/stream_receiver.h"

#include <functional>
#include <memory>
#include <optional>

namespace ts {

using PrepareHttp = std::function<std::optional<ProviderError>(net::HttpRequest&)>;
using ReceiverFor = std::function<std::unique_ptr<StreamReceiver>(CallResult&)>;

// One chat call over HTTP: prepares the request (a Config error ends the call there), records the
// exchange, performs the transfer through the provider's receiver and lets it name the outcome.
CallResult runCall(const CallContext& ctx, const PrepareHttp& prepare, const ReceiverFor& receiverFor);

} // namespace ts
