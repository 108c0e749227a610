#include "prompts/prompt_request.h"

namespace ts::prompts {

PromptParams paramsOf(const ChatRequest& request)
{
    PromptParams p;
    p.temperature = request.temperature;
    p.topP = request.topP;
    p.maxTokens = request.maxTokens;
    p.seed = request.seed;
    p.responseFormat = request.responseFormat;
    p.tools = request.tools;
    return p;
}

void applyParams(const PromptParams& params, ChatRequest& request)
{
    request.temperature = params.temperature;
    request.topP = params.topP;
    request.maxTokens = params.maxTokens;
    request.seed = params.seed;
    request.responseFormat = params.responseFormat;
    request.tools = params.tools;
}

PromptContent contentOf(const ChatRequest& request, std::string templateText)
{
    PromptContent c;
    for (const Message& m : request.messages)
        if (m.role == Role::System) {
            c.system = m.content;
            break;
        }
    c.templateText = std::move(templateText);
    c.provider = request.provider;
    c.model = request.model;
    c.params = paramsOf(request);
    return c;
}

} // namespace ts::prompts
