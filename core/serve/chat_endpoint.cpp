#include "serve/chat_endpoint.h"

#include "serve/anthropic_inbound.h"
#include "serve/anthropic_reply.h"
#include "serve/anthropic_sse_writer.h"
#include "serve/openai_inbound.h"
#include "serve/openai_reply.h"
#include "serve/openai_sse_writer.h"
#include "serve/request_meta.h"

#include <ctime>
#include <memory>

namespace ts::serve {

namespace {

struct StreamJob
{
    ChatRequest request;
    ReplyHeader header;
    bool includeUsage = false;
    CancelToken cancel;
};

GatewayError stoppedOr(const ProviderError& error)
{
    GatewayError out = fromProviderError(error);
    if (out.kind == GatewayError::Kind::Cancelled)
        out = {GatewayError::Kind::Unavailable, "The gateway is stopping; the request was cancelled.", {}, {}, std::nullopt};
    return out;
}

// Runs the pipeline and writes the whole event stream through `sink`. False when the client left.
template <class Writer>
bool streamReply(const GatewayContext& ctx, StreamJob& job, Writer& writer, httplib::DataSink& sink)
{
    InFlight::Ticket ticket(ctx.inFlight, job.cancel);
    bool clientGone = false;
    auto send = [&](const std::string& bytes) {
        if (!clientGone && sink.write(bytes.data(), bytes.size()))
            return true;
        clientGone = true;
        job.cancel.cancel();
        return false;
    };
    if (!send(writer.start()))
        return false;
    RunOptions options;
    options.cancel = &job.cancel;
    options.onText = [&](std::string_view delta, Nanos) { return send(writer.text(delta)); };
    const PipelineResult result = ctx.pipeline.run(std::move(job.request), options);
    if (clientGone)
        return false;
    send(result.ok() ? writer.finish(result.response) : Writer::error(stoppedOr(result.error)));
    sink.done();
    return !clientGone;
}

void startStream(const GatewayContext& ctx, Dialect dialect, std::shared_ptr<StreamJob> job, httplib::Response& res)
{
    res.set_header("Cache-Control", "no-cache");
    res.set_chunked_content_provider("text/event-stream", [&ctx, dialect, job](std::size_t, httplib::DataSink& sink) {
        if (dialect == Dialect::OpenAI) {
            OpenAISseWriter writer(job->header, job->includeUsage);
            return streamReply(ctx, *job, writer, sink);
        }
        AnthropicSseWriter writer(job->header);
        return streamReply(ctx, *job, writer, sink);
    });
}

void reply(const GatewayContext& ctx, Dialect dialect, StreamJob& job, httplib::Response& res)
{
    InFlight::Ticket ticket(ctx.inFlight, job.cancel);
    RunOptions options;
    options.cancel = &job.cancel;
    const PipelineResult result = ctx.pipeline.run(std::move(job.request), options);
    if (!result.ok())
        return sendError(dialect, stoppedOr(result.error), res);
    if (!result.response.model.empty())
        job.header.model = result.response.model;
    res.set_content(dialect == Dialect::OpenAI ? openAICompletionJson(job.header, result.response)
                                               : anthropicMessageJson(job.header, result.response),
                    "application/json");
}

} // namespace

void handleChat(const GatewayContext& ctx, Dialect dialect, const httplib::Request& req, httplib::Response& res)
{
    const auto caller = admit(ctx, dialect, req, res);
    if (!caller)
        return;
    InboundChat in = dialect == Dialect::OpenAI ? parseOpenAIChat(req.body) : parseAnthropicMessages(req.body);
    if (in.error)
        return sendError(dialect, *in.error, res);
    const auto target = ctx.resolver.resolve(in.request.model);
    if (!target)
        return sendError(dialect,
                         {GatewayError::Kind::NotFound, ctx.resolver.notFoundMessage(in.request.model), "model",
                          "model_not_found", std::nullopt},
                         res);
    auto job = std::make_shared<StreamJob>();
    job->header = {newReplyId(dialect == Dialect::OpenAI ? "chatcmpl-" : "msg_"), std::time(nullptr), in.request.model};
    job->includeUsage = in.includeUsage;
    job->request = std::move(in.request);
    if (const VirtualKey* key = caller->key) {
        job->request.meta.apiKeyName = key->name; // its name and project go on the trace, never the key
        job->request.meta.project = key->project;
    }
    job->request.provider = target->provider;
    job->request.model = target->model;
    applyGatewayMeta(job->request.meta, req.get_header_value(std::string(kUserHeader)),
                     req.get_header_value(std::string(kSessionHeader)), req.get_header_value(std::string(kTagsHeader)));
    if (job->request.stream)
        return startStream(ctx, dialect, std::move(job), res);
    reply(ctx, dialect, *job, res);
}

} // namespace ts::serve
