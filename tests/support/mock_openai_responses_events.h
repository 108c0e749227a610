#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

// The pieces of the mock OpenAI server's /v1/responses answers, shaped as the API's (formats.md §1.6;
// the Response object and event shapes of the OpenAPI spec's examples).
namespace ts::test::responses_mock {

// Keys in the order the API writes them, so replies read like the spec's examples.
using Json = nlohmann::ordered_json;

// A stream's events, before framing: each is the data object without its sequence_number.
using Events = std::vector<Json>;

// What the request asked for that a Response echoes (instructions, max_output_tokens, text...).
struct Echo
{
    std::string model; // as the request named it; the Response names it dated
    Json request;
};

// A Response object in the given status with these output items; usage only once it is over.
Json response(const Echo& echo, std::string_view status, Json output);
Json usage();

// Output items, finished: a message with output_text (or a refusal), a function call, a reasoning item.
Json messageItem(std::string_view text, bool refusal = false, std::string_view status = "completed");
Json functionCallItem(int n, std::string_view status = "completed");
Json reasoningItem(bool finished);

// The events that stream one output item at output_index: added, its deltas (one per piece), its
// .done events and output_item.done. `finished` false stops after the deltas.
Events messageEvents(int index, const std::vector<std::string>& pieces, bool finished = true,
                     bool refusal = false);
Events functionCallEvents(int index, int n);
Events reasoningEvents(int index);

// created and in_progress, then the items' events, then the terminal event when there is one.
Events wrap(const Echo& echo, Events items, std::string_view terminalType, Json terminalResponse);

// Each event as the API frames it: `event: TYPE`, `data: JSON` with its sequence_number, a blank line.
std::vector<std::string> framed(const Events& events);

} // namespace ts::test::responses_mock
