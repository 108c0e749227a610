#include "demo/corpus.h"
#include "demo/scenario.h"
#include "demo/sensitive.h"

#include "gateway/call_span.h"
#include "model/attributes.h"

namespace ts::demo {

namespace {

ChatRequest baseRequest(const std::string& model, const std::string& feature, std::mt19937_64& rng, int users)
{
    ChatRequest r;
    r.provider = "simulated";
    r.model = model;
    r.meta.source = "demo";
    r.meta.feature = feature;
    r.meta.user = corpus::userName(rng, users);
    r.meta.session = feature + "-" + r.meta.user + "-" + std::to_string(rng() % 40);
    return r;
}

PipelineResult send(ChatRequest request, const Event& ev, ScenarioContext& ctx)
{
    VirtualClock clock(ev.at);
    RunOptions options;
    options.clock = &clock;
    options.ids = &ctx.ids;
    return ctx.pipeline.run(std::move(request), options);
}

ToolDefinition tool(const char* name, const char* description, const char* params)
{
    return ToolDefinition{name, description, params};
}

} // namespace

PipelineResult runCopilot(const Event& ev, ScenarioContext& ctx)
{
    ChatRequest r = baseRequest(ctx.rng() % 5 == 0 ? "gpt-4.1-mini" : "gpt-4.1-nano", "copilot", ctx.rng, 120);
    r.meta.tags = {"ide", "completion"};
    auto spice = sensitive::generatorFor(ev.dayFraction, ev.scenario);
    r.messages = {{Role::System, corpus::kCopilotSystemPrompt},
                  {Role::User, sensitive::leakedKeyLine(spice) + corpus::codeSnippet(ctx.rng)}};
    r.maxTokens = 64;
    r.temperature = 0.2;
    return send(std::move(r), ev, ctx);
}

PipelineResult runWriter(const Event& ev, ScenarioContext& ctx)
{
    const bool premium = ctx.rng() % 4 == 0;
    ChatRequest r = baseRequest(premium ? "writer-premium" : "writer-fast", "writer", ctx.rng, 60);
    r.meta.tags = {"writer", premium ? "tier:premium" : "tier:fast"};
    r.messages = {{Role::System, corpus::kWriterSystemPrompt}};
    if (ctx.rng() % 3 == 0) { // a follow-up in an ongoing conversation
        r.messages.push_back({Role::User, corpus::pick(corpus::kWriterTasks, ctx.rng)});
        r.messages.push_back({Role::Assistant, "Here is a first draft. Tell me what to change."});
    }
    auto spice = sensitive::generatorFor(ev.dayFraction, ev.scenario);
    r.messages.push_back({Role::User, corpus::pick(corpus::kWriterTasks, ctx.rng) + "." + sensitive::contactAside(spice)});
    r.maxTokens = premium ? 900 : 400;
    r.temperature = 0.8;
    return send(std::move(r), ev, ctx);
}

PipelineResult runRag(const Event& ev, ScenarioContext& ctx)
{
    ChatRequest r = baseRequest("rag-default", "rag", ctx.rng, 200);
    const std::string kb = corpus::pick(corpus::kKnowledgeBases, ctx.rng);
    r.meta.tags = {"rag", "kb:" + kb};
    // Retrieval got greedier in the last third of the period: prompts grow (drift to find).
    const int docs = ev.dayFraction > 2.0 / 3.0 ? 8 + static_cast<int>(ctx.rng() % 5) : 3 + static_cast<int>(ctx.rng() % 3);
    std::string context = "Context documents:\n";
    const int base = static_cast<int>(ctx.rng() % 40);
    for (int i = 0; i < docs; ++i)
        context += corpus::document(base + i * 3, 350) + "\n";
    r.messages = {{Role::System, corpus::kRagSystemPrompt},
                  {Role::User, context + "\nQuestion: " + corpus::pick(corpus::kRagQuestions, ctx.rng)}};
    auto spice = sensitive::generatorFor(ev.dayFraction, ev.scenario);
    if (std::string attempt = sensitive::injectionAttempt(spice); !attempt.empty())
        r.messages.back().content += "\n" + attempt;
    r.maxTokens = 500;
    r.temperature = 0.1;
    return send(std::move(r), ev, ctx);
}

PipelineResult runAgent(const Event& ev, ScenarioContext& ctx)
{
    static const std::vector<ToolDefinition> kTools{
        tool("read_file", "Read a file of the repository",
             R"({"type":"object","properties":{"path":{"type":"string"}},"required":["path"]})"),
        tool("search_code", "Search the repository", R"({"type":"object","properties":{"query":{"type":"string"}}})"),
        tool("run_tests", "Run the test suite for a path", R"({"type":"object","properties":{"path":{"type":"string"}}})")};
    VirtualClock clock(ev.at);
    TraceBuilder trace(clock, ctx.ids);
    ChatRequest r = baseRequest(ctx.rng() % 3 == 0 ? "claude-sonnet-4" : "gpt-4.1", "agent", ctx.rng, 30);
    r.meta.tags = {"agent", "code-review"};
    r.tools = kTools;
    r.maxTokens = 700;
    r.messages = {{Role::System, corpus::kAgentSystemPrompt},
                  {Role::User, "Review pull request #" + std::to_string(1000 + ctx.rng() % 900)
                                   + ": it changes the retry logic in the HTTP client."}};
    Span& root = trace.begin("invoke_agent code-review", {}, SpanKind::Server);
    recordRequestMeta(root, r);
    root.attributes.insert_or_assign(std::string(attr::kOperationName), std::string("invoke_agent"));
    root.attributes.insert_or_assign("gen_ai.agent.name", std::string("code-review"));
    PipelineResult last;
    RunOptions options;
    options.clock = &clock;
    options.ids = &ctx.ids;
    options.parent = &trace;
    options.parentSpanId = root.spanId;
    for (int step = 0; step < 5; ++step) {
        last = ctx.pipeline.run(r, options);
        if (!last.ok() || last.response.toolCalls.empty())
            break;
        r.messages.push_back(last.response.asMessage());
        for (const ToolCall& call : last.response.toolCalls) {
            Span& span = trace.begin("execute_tool " + call.name, root.spanId);
            span.attributes.insert_or_assign(std::string(attr::kOperationName), std::string("execute_tool"));
            span.attributes.insert_or_assign(std::string(attr::kStage), std::string("tool"));
            span.attributes.insert_or_assign(std::string(attr::kToolName), call.name);
            span.attributes.insert_or_assign(std::string(attr::kToolCallId), call.id);
            clock.advance((40 + static_cast<Nanos>(ctx.rng() % 900)) * kNsPerMs);
            trace.end(span);
            r.messages.push_back({Role::Tool, "{\"ok\":true,\"lines\":" + std::to_string(20 + ctx.rng() % 300) + "}", {},
                                  call.id, call.name});
        }
    }
    root.attributes.insert_or_assign(std::string(attr::kSimulated), true);
    trace.end(root, last.ok() ? SpanStatus::Ok : SpanStatus::Error, last.error.message);
    if (!last.ok())
        root.attributes.insert_or_assign(std::string(attr::kErrorType), std::string(kindName(last.error.kind)));
    if (ctx.pipeline.sink())
        ctx.pipeline.sink()(trace.take());
    return last;
}

} // namespace ts::demo
