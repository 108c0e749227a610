#pragma once
#include "model/span.h"

namespace ts::import {

// Reads what other conventions write on an OTLP span under Tokenscope's names (formats.md §5,
// specs/semconv-registry-deprecated.yaml):
//  - deprecated GenAI names (gen_ai.system, gen_ai.usage.prompt_tokens/completion_tokens,
//    gen_ai.openai.*) and their old provider values (az.ai.openai, vertex_ai, ...);
//  - OpenInference (llm.model_name, llm.provider, llm.token_count.*, session.id, user.id) and its
//    span kinds as gen_ai.operation.name;
//  - OpenLLMetry (llm.usage.*, gen_ai.usage.cache_*_input_tokens, llm.request.type,
//    traceloop.span.kind);
//  - and the conversation, in every convention's form, as gen_ai.input.messages /
//    gen_ai.output.messages (span_messages.h).
// A renamed attribute whose new name is already there with another value is left as it is.
void applyConventions(Span& span);

} // namespace ts::import
