#pragma once
#include "model/request.h"
#include "prompts/prompt_version.h"

// Between a saved prompt and the request the playground sends.
namespace ts::prompts {

PromptParams paramsOf(const ChatRequest& request);
void applyParams(const PromptParams& params, ChatRequest& request);

// The content of a send: the request's settings and system message, and the user message as typed
// (the template, before its variables are filled in).
PromptContent contentOf(const ChatRequest& request, std::string templateText);

} // namespace ts::prompts
