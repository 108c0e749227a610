#pragma once
#include "model/message.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

// The one reader of conversation messages for every importer, and the writer of the OpenTelemetry
// GenAI form that Tokenscope's OTLP export carries (formats.md §5.1: gen_ai.input.messages,
// gen_ai.output.messages, gen_ai.system_instructions).
namespace ts::import {

// GenAI form: [{"role":"user","parts":[{"type":"text","content":"..."}, {"type":"tool_call","id",
// "name","arguments"}, {"type":"tool_call_response","id","response"}, {"type":"blob","modality":
// "image","mime_type","content"}, {"type":"uri","modality":"image","uri"}]}]. What the convention
// has no word for is kept under tokenscope.* keys (a message's cache breakpoint, a tool call's
// provider signature), so readMessages(toGenAiMessages(m)) == m.
nlohmann::json toGenAiMessages(const std::vector<Message>& messages);

// Reads the messages a log carries, in whichever shape it has:
//  - the GenAI form above (and its older events' {"role","content"} form);
//  - OpenAI chat messages: content as a string or as parts ({"type":"text","text"},
//    {"type":"image_url","image_url":{"url"}}), tool_calls, tool_call_id, name;
//  - Anthropic messages: content blocks text, image, tool_use, tool_result;
//  - a bare string (one user message), or an object holding the list under "messages".
// Appends to out and returns "" or why the value is not messages. Nesting deeper than a message's
// parts is not followed, so a hostile file cannot recurse.
std::string readMessages(const nlohmann::json& value, std::vector<Message>& out);

// One reply as logs record it: an OpenAI chat completion ({"choices":[{"message"}]}), a choice, an
// assistant message, Anthropic's message response ({"content":[blocks]}), a GenAI output message
// list, or a bare string. Appends the assistant message(s) and returns "" or why not.
std::string readReply(const nlohmann::json& value, std::vector<Message>& out);

} // namespace ts::import
