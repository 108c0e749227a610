#pragma once
#include <random>
#include <string>

// What real users paste into prompts now and then, so the demo's guardrails have work to do:
// contact details, a leaked key, an attempt to override the instructions. Drawn from a generator
// of its own so the rest of the demo's traffic stays as it was.
namespace ts::demo::sensitive {

// Seeded by the event's place in the period and its scenario, not its wall-clock time, so the same
// seed gives the same traffic whenever it runs.
std::mt19937_64 generatorFor(double dayFraction, int scenario);
// "" most of the time; else a sentence with someone's e-mail and phone number, or a card.
std::string contactAside(std::mt19937_64& rng);
// "" most of the time; else a config line with an API key in it.
std::string leakedKeyLine(std::mt19937_64& rng);
// "" most of the time; else a question that tries to override the system prompt.
std::string injectionAttempt(std::mt19937_64& rng);

} // namespace ts::demo::sensitive
