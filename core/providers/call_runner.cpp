#include "providers/call_runner.h"

#include "providers/endpoint.h"

namespace ts {

CallResult runCall(const CallContext& ctx, const PrepareHttp& prepare, const ReceiverFor& receiverFor)
{
    CallResult result;
    result.startedAt = ctx.clock->now();
    net::HttpRequest http;
    if (auto error = prepare(http)) {
        result.error = std::move(*error);
        result.finishedAt = result.startedAt;
        return result;
    }
    result.exchange = exchangeFor(http);
    const std::unique_ptr<StreamReceiver> receiver = receiverFor(result);
    const net::HttpResponse response = net::perform(
        http, ctx.cancel,
        [&](int status, const std::vector<Header>& headers) { receiver->onHeaders(status, headers); },
        [&](std::string_view bytes) { return receiver->onData(bytes); });
    receiver->finish(response);
    return result;
}

} // namespace ts
