#include "trace/import/langsmith_call.h"

#include "model/attributes.h"
#include "model/span_note.h"
#include "model/usage.h"
#include "trace/import/call_attributes.h"
#include "trace/import/log_time.h"
#include "trace/import/message_codec.h"
#include "trace/import/record_fields.h"

#include <array>
#include <nlohmann/json.hpp>
#include <utility>

namespace ts::import {

namespace {

using nlohmann::json;

// Where a run keeps its model's settings: the invocation params of a LangChain model, its ls_*
// metadata, or (the SDK's wrappers) the request arguments recorded as inputs.
struct Settings
{
    const json* params = nullptr;
    const json* metadata = nullptr;
    const json* inputs = nullptr;

    const json* find(std::initializer_list<const char*> keys, const char* metadataKey) const
    {
        if (const json* v = params ? fieldOf(*params, keys) : nullptr)
            return v;
        if (const json* v = metadata && metadataKey ? fieldOf(*metadata, {metadataKey}) : nullptr)
            return v;
        return inputs ? fieldOf(*inputs, keys) : nullptr;
    }
};

Settings settingsOf(const json& run)
{
    const json* extra = fieldOf(run, {"extra"});
    return {extra ? fieldOf(*extra, {"invocation_params"}) : nullptr,
            extra ? fieldOf(*extra, {"metadata"}) : nullptr, fieldOf(run, {"inputs"})};
}

// Token counts as one of the three places spells them.
struct UsageKeys
{
    const char* input;
    const char* output;
    const char* inputDetails;
    const char* cacheRead;
    const char* cacheWrite;
    const char* outputDetails;
    const char* reasoning;
};
constexpr UsageKeys kRunKeys{"prompt_tokens", "completion_tokens", "prompt_token_details",
                             "cache_read",    "cache_creation",    "completion_token_details",
                             "reasoning"};
constexpr UsageKeys kLangChainKeys{"input_tokens", "output_tokens",  "input_token_details",
                                   "cache_read",   "cache_creation", "output_token_details",
                                   "reasoning"};
constexpr UsageKeys kOpenAiKeys{"prompt_tokens",   "completion_tokens",  "prompt_tokens_details",
                                "cached_tokens",   "cache_write_tokens", "completion_tokens_details",
                                "reasoning_tokens"};

Usage usageOf(const json* u, const UsageKeys& k)
{
    Usage out;
    const auto in = u ? countOf(fieldOf(*u, {k.input})) : std::nullopt;
    const auto done = u ? countOf(fieldOf(*u, {k.output})) : std::nullopt;
    if (!in && !done)
        return out;
    out.inputTokens = in.value_or(0);
    out.outputTokens = done.value_or(0);
    if (const json* d = fieldOf(*u, {k.inputDetails})) {
        out.cacheReadTokens = countOf(fieldOf(*d, {k.cacheRead})).value_or(0);
        out.cacheWriteTokens = countOf(fieldOf(*d, {k.cacheWrite})).value_or(0);
    }
    if (const json* d = fieldOf(*u, {k.outputDetails}))
        out.reasoningTokens = countOf(fieldOf(*d, {k.reasoning})).value_or(0);
    out.reported = true;
    return out;
}

// generations[0][0] of a LangChain LLMResult.
const json* firstGeneration(const json* outputs)
{
    const json* g = outputs ? fieldOf(*outputs, {"generations"}) : nullptr;
    while (g && g->is_array())
        g = g->empty() ? nullptr : &(*g)[0];
    return g && g->is_object() ? g : nullptr;
}

// That generation's message fields: the serialised message's kwargs, or the message itself.
const json* generationMessage(const json* outputs)
{
    const json* g = firstGeneration(outputs);
    const json* m = g ? fieldOf(*g, {"message"}) : nullptr;
    if (!m || !m->is_object())
        return nullptr;
    const json* fields = fieldOf(*m, {"kwargs", "data"});
    return fields && fields->is_object() ? fields : m;
}

// LangSmith counts the run's usage itself; older exports leave that to the model's own reply.
Usage callUsage(const json& run, const json* outputs)
{
    if (Usage u = usageOf(&run, kRunKeys); u.reported)
        return u;
    const json* message = generationMessage(outputs);
    const json* llmOutput = outputs ? fieldOf(*outputs, {"llm_output"}) : nullptr;
    const std::array<std::pair<const json*, const UsageKeys*>, 4> places = {{
        {outputs ? fieldOf(*outputs, {"usage_metadata"}) : nullptr, &kLangChainKeys},
        {message ? fieldOf(*message, {"usage_metadata"}) : nullptr, &kLangChainKeys},
        {llmOutput ? fieldOf(*llmOutput, {"token_usage"}) : nullptr, &kOpenAiKeys},
        {outputs ? fieldOf(*outputs, {"usage"}) : nullptr, &kOpenAiKeys},
    }};
    for (const auto& [place, keys] : places)
        if (Usage u = usageOf(place, *keys); u.reported)
            return u;
    return {};
}

// LangChain's ls_provider words, in the GenAI convention's where they differ.
std::string providerName(std::string name)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kNames = {{
        {"azure", "azure.ai.openai"},
        {"google_genai", "gcp.gen_ai"},
        {"google_vertexai", "gcp.vertex_ai"},
        {"bedrock", "aws.bedrock"},
        {"amazon_bedrock", "aws.bedrock"},
        {"mistralai", "mistral_ai"},
        {"xai", "x_ai"},
    }};
    for (const auto& [from, to] : kNames)
        if (name == from)
            return std::string(to);
    return name;
}

void noteRequest(Span& span, const Settings& s)
{
    if (const json* provider = s.metadata ? fieldOf(*s.metadata, {"ls_provider"}) : nullptr;
        provider && provider->is_string())
        note(span, attr::kProviderName, providerName(provider->get<std::string>()));
    if (const auto t = amountOf(s.find({"temperature"}, "ls_temperature")))
        note(span, attr::kRequestTemperature, *t);
    if (const auto topP = amountOf(s.find({"top_p"}, nullptr)))
        note(span, attr::kRequestTopP, *topP);
    if (const auto max =
            countOf(s.find({"max_tokens", "max_completion_tokens", "max_output_tokens"}, "ls_max_tokens")))
        note(span, attr::kRequestMaxTokens, *max);
    if (const auto seed = countOf(s.find({"seed"}, nullptr)))
        note(span, attr::kRequestSeed, *seed);
    if (const json* stream = s.find({"stream", "streaming"}, nullptr); stream && stream->is_boolean())
        note(span, attr::kRequestStream, stream->get<bool>());
}

void noteResponse(Span& span, const json* outputs)
{
    const json* message = generationMessage(outputs);
    const json* metadata = message ? fieldOf(*message, {"response_metadata"}) : nullptr;
    const json* llmOutput = outputs ? fieldOf(*outputs, {"llm_output"}) : nullptr;
    std::string model = llmOutput ? textField(*llmOutput, {"model_name", "model"}) : std::string();
    if (model.empty() && metadata)
        model = textField(*metadata, {"model_name", "model"});
    if (model.empty() && outputs)
        model = textField(*outputs, {"model"});
    if (!model.empty())
        note(span, attr::kResponseModel, model);
    const json* generation = firstGeneration(outputs);
    const json* info = generation ? fieldOf(*generation, {"generation_info"}) : nullptr;
    std::string finish = info ? textField(*info, {"finish_reason"}) : std::string();
    if (finish.empty() && metadata)
        finish = textField(*metadata, {"finish_reason", "stop_reason"});
    const json* choices = outputs ? fieldOf(*outputs, {"choices"}) : nullptr;
    if (finish.empty() && choices && choices->is_array() && !choices->empty())
        finish = textField((*choices)[0], {"finish_reason"});
    if (!finish.empty())
        note(span, attr::kFinishReasons, std::vector<std::string>{finish});
}

// The first token's time, or the first new_token event a streamed run recorded.
std::optional<Nanos> firstTokenAt(const json& run)
{
    if (const json* t = fieldOf(run, {"first_token_time"}))
        return timeOf(*t);
    const json* events = fieldOf(run, {"events"});
    if (events && events->is_array())
        for (const json& e : *events)
            if (textField(e, {"name"}) == "new_token")
                if (const json* t = fieldOf(e, {"time"}))
                    return timeOf(*t);
    return std::nullopt;
}

} // namespace

void noteLangSmithCall(Span& span, const json& run)
{
    const Settings settings = settingsOf(run);
    const json* outputs = fieldOf(run, {"outputs"});
    const bool embedding = textField(run, {"run_type"}) == "embedding";
    const bool prompts = settings.inputs && fieldOf(*settings.inputs, {"prompts"});
    std::string model;
    if (const json* m = settings.find({"model", "model_name"}, "ls_model_name"); m && m->is_string())
        model = m->get<std::string>();
    markModelCall(span, embedding ? "embeddings" : prompts ? "text_completion" : "chat", model);
    span.kind = SpanKind::Client;
    noteRequest(span, settings);
    noteResponse(span, outputs);
    if (const Usage usage = callUsage(run, outputs); usage.reported)
        noteUsage(span, usage);
    std::optional<double> cost = amountOf(fieldOf(run, {"total_cost"}));
    if (const auto in = amountOf(fieldOf(run, {"prompt_cost"})); !cost && in)
        cost = *in + amountOf(fieldOf(run, {"completion_cost"})).value_or(0.0);
    if (cost)
        note(span, attr::kCostReportedUsd, *cost);
    if (const auto first = firstTokenAt(run))
        noteFirstChunk(span, *first);
}

void readLangSmithInput(const json& inputs, std::vector<Message>& out)
{
    std::vector<Message> read;
    const json* messages = fieldOf(inputs, {"messages"});
    const json* prompts = fieldOf(inputs, {"prompts"});
    const json* input = fieldOf(inputs, {"input"});
    std::string why;
    if (messages && messages->is_array()) // LangChain passes a batch: [[...]], one list per call
        why =
            readMessages(!messages->empty() && (*messages)[0].is_array() ? (*messages)[0] : *messages, read);
    else if (prompts && prompts->is_array())
        why = readMessages(*prompts, read);
    else if (input && (input->is_string() || input->is_array()))
        why = readMessages(*input, read);
    else
        why = readMessages(inputs, read);
    if (why.empty())
        out.insert(out.end(), read.begin(), read.end());
}

void readLangSmithOutput(const json& outputs, std::vector<Message>& out)
{
    std::vector<Message> read;
    const json* messages = fieldOf(outputs, {"messages"});
    const json* output = fieldOf(outputs, {"output"});
    if (messages && messages->is_array()) { // a graph's state: the whole conversation, the answer last
        if (readMessages(*messages, read).empty() && !read.empty() && read.back().role == Role::Assistant)
            out.push_back(read.back());
        return;
    }
    if (readReply(output && output->is_string() ? *output : outputs, read).empty())
        out.insert(out.end(), read.begin(), read.end());
}

} // namespace ts::import
