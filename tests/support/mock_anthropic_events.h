#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

// The pieces of the mock Anthropic server's answers, shaped as the API's (formats.md §2.4–2.5).
namespace ts::test::anthropic_mock {

// Keys in the order the API writes them, so replies read like the recordings.
using Json = nlohmann::ordered_json;

// One SSE event as the API frames it: `event: TYPE`, `data: JSON`, a blank line.
std::string sse(const Json& data);

// The events of a text answer, one delta per piece: message_start, the text block (with a ping
// after its start) and, when complete, message_delta and message_stop.
std::vector<std::string> textEvents(const std::string& model, const std::vector<std::string>& pieces,
                                    bool complete);
// A thinking block, then the text block; message_delta repeats the whole usage.
std::vector<std::string> thinkingEvents(const std::string& model);
// The error event the API sends mid-stream, spaced as its recording is.
std::string overloadedEvent();

// A whole Message, as a request without stream:true gets it.
Json message(const std::string& model, bool thinking);

} // namespace ts::test::anthropic_mock
