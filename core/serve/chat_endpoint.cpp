#include "serve/chat_endpoint.h"

#include "serve/anthropic_inbound.h"
#include "serve/anthropic_reply.h"
#include "serve/anthropic_sse_writer.h"
#include "serve/openai_inbound.h"
#include "serve/openai_reply.h"
#include "serve/openai_sse_writer.h"
#include "serve/request_meta.h"
#include "serve/stream_relay.h"

#include <ctime>
#include <memory>

namespace ts::serve {

namespace {

struct ChatJob
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

// Writes the relay's event stream through `sink`. False when the client left.
template <class Writer>
bool relayStream(StreamRelay& relay, Writer& writer, httplib::DataSink& sink)
{
    auto send = [&](const std::string& bytes) { return sink.write(bytes.data(), bytes.size()); };
    bool open = send(writer.start());
    std::vector<std::string> deltas;
    while (open && relay.next(deltas))
        for (const std::string& delta : deltas)
            if (!(open = send(writer.text(delta))))
                break;
    if (!open) {
        relay.abandon();
        return false;
    }
    const PipelineResult& result = relay.result();
    if (!send(result.ok() ? writer.finish(result.response) : Writer::error(stoppedOr(result.error))))
        return false;
    sink.done();
    return true;
}

// A stream's status waits for its first token: until then a refusal or a failure of every
// deployment is still an HTTP error (see StreamRelay); after it, errors travel in the stream.
void startStream(const GatewayContext& ctx, Dialect dialect, ChatJob& job, httplib::Response& res)
{
    auto relay = StreamRelay::start(ctx.pipeline, std::move(job.request), ctx.inFlight, ctx.streamThreads);
    if (!relay->waitForFirstText() && !relay->result().ok())
        return sendError(dialect, stoppedOr(relay->result().error), res);
    res.set_header("Cache-Control", "no-cache");
    res.set_chunked_content_provider("text/event-stream", [dialect, relay, header = job.header,
                                                           includeUsage = job.includeUsage](std::size_t,
                                                                                            httplib::DataSink& sink) {
        if (dialect == Dialect::OpenAI) {
            OpenAISseWriter writer(header, includeUsage);
            return relayStream(*relay, writer, sink);
        }
        AnthropicSseWriter writer(header);
        return relayStream(*relay, writer, sink);
    });
}

void reply(const GatewayContext& ctx, Dialect dialect, ChatJob& job, httplib::Response& res)
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
    const auto resolver = ctx.resolver.get();
    const auto target = resolver->resolve(in.request.model);
    if (!target)
        return sendError(dialect,
                         {GatewayError::Kind::NotFound, resolver->notFoundMessage(in.request.model), "model",
                          "model_not_found", std::nullopt},
                         res);
    ChatJob job;
    job.header = {newReplyId(dialect == Dialect::OpenAI ? "chatcmpl-" : "msg_"), std::time(nullptr), in.request.model};
    job.includeUsage = in.includeUsage;
    job.request = std::move(in.request);
    if (const VirtualKey* key = caller->key) {
        job.request.meta.apiKeyName = key->name; // its name and project go on the trace, never the key
        job.request.meta.project = key->project;
    }
    job.request.provider = target->provider;
    job.request.model = target->model;
    applyGatewayMeta(job.request.meta, req.get_header_value(std::string(kUserHeader)),
                     req.get_header_value(std::string(kSessionHeader)), req.get_header_value(std::string(kTagsHeader)));
    if (job.request.stream)
        return startStream(ctx, dialect, job, res);
    reply(ctx, dialect, job, res);
}

} // namespace ts::serve
