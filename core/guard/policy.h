#pragma once
#include "guard/action.h"
#include "guard/finding.h"

#include <cstddef>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

// A guard policy: what to look for on the way in and on the way out, and what to do with it.
// Written as JSON (the "guard" section of the gateway config, or a file for `scan --policy`):
//
//   {"name": "strict",
//    "input":  {"personal_data": "redact", "secret": "block", "email": "mask",
//               "injection": {"action": "block", "threshold": 0.5}},
//    "output": {"personal_data": "mask", "secret": "redact",
//               "system_prompt_leak": {"action": "block", "threshold": 0.5},
//               "schema": "warn",
//               "banned_words": {"action": "block", "words": ["..."], "topics": {"weapons": ["..."]}},
//               "max_length": {"action": "block", "bytes": 20000}}}
//
// A rule's key is a category (personal_data, secret), a finding type (email, card, openai_key, ...)
// that overrides its category, or one of the checks that take settings. Its value is an action
// name or an object with "action" and the check's settings. Anything unknown is refused with the
// names that are known, never ignored.
namespace ts::guard {

struct Rule
{
    Action action = Action::Log;
    double threshold = 0.5; // injection score, share of the system prompt leaked
};

struct StagePolicy
{
    std::map<std::string, Rule> byType;   // finding type → rule
    std::map<Category, Rule> byCategory;  // personal_data, secret
    std::optional<Rule> injection;        // input and output
    std::optional<Rule> systemPromptLeak; // output only
    std::optional<Rule> schema;           // output only: the request's response_format schema
    std::optional<Rule> bannedWords;      // output only
    std::vector<std::string> words;
    std::map<std::string, std::vector<std::string>> topics;
    std::optional<Rule> maxLength; // output only
    std::size_t maxBytes = 0;

    bool scansStructured() const { return !byType.empty() || !byCategory.empty(); }
    bool empty() const;
    // The rule for a finding, if the policy has one: its type's, else its category's.
    const Rule* ruleFor(const Finding& f) const;
};

struct Policy
{
    std::string name = "custom";
    StagePolicy input;
    StagePolicy output;
};

// Personal data and secrets redacted on the way in and masked on the way out; injection warned
// at 0.5. What `scan` uses without --policy and what the demo runs.
Policy defaultPolicy();

// Throws std::invalid_argument with a message naming the key at fault.
Policy parsePolicy(const nlohmann::json& json);
Policy parsePolicyText(const std::string& text);
nlohmann::json policyToJson(const Policy& policy);

// Every name a rule may use, for messages and the editor's completion.
std::vector<std::string> knownRuleNames(bool output);

} // namespace ts::guard
