#include "serve/gateway_context.h"

#include "serve/anthropic_reply.h"
#include "serve/openai_reply.h"

namespace ts::serve {

void sendError(Dialect dialect, const GatewayError& error, httplib::Response& res)
{
    if (dialect == Dialect::Anthropic) {
        res.status = anthropicStatus(error);
        res.set_content(anthropicErrorJson(error), "application/json");
    } else {
        res.status = openAIStatus(error);
        res.set_content(openAIErrorJson(error), "application/json");
    }
    if (error.retryAfterSeconds)
        res.set_header("Retry-After", std::to_string(*error.retryAfterSeconds));
}

std::optional<Caller> admit(const GatewayContext& ctx, Dialect dialect, const httplib::Request& req,
                            httplib::Response& res)
{
    if (!ctx.keysRequired && ctx.config.keys.empty())
        return Caller{};
    const std::string authorization = req.get_header_value("Authorization");
    const std::string apiKey = req.get_header_value("x-api-key");
    const Caller caller = identify(ctx.config, ctx.keysRequired, presentedSecret(authorization, apiKey));
    if (!caller.refused)
        return caller;
    const bool none = authorization.empty() && apiKey.empty();
    sendError(dialect,
              {GatewayError::Kind::Authentication,
               none ? "This gateway needs a key: send 'Authorization: Bearer KEY' or 'x-api-key: KEY'."
                    : "The key presented is not one of this gateway's keys.",
               {}, {}, std::nullopt},
              res);
    return std::nullopt;
}

} // namespace ts::serve
