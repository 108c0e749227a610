#pragma once
#include "guard/policy.h"
#include "guard/redaction.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts::guard {

class Detector;
class InjectionDetector;

// The detectors every policy draws on, compiled once per process (the Hyperscan database takes
// milliseconds to build; scanning then takes microseconds). Thread-safe.
struct Detectors
{
    std::unique_ptr<Detector> structured; // personal data and secrets, one pass
    std::unique_ptr<InjectionDetector> injection;

    Detectors();
    ~Detectors();
};
const Detectors& sharedDetectors();

// What an answer is checked against: the system prompt it must not leak, the schema it must fit.
// Built once per request (CompiledPolicy::outputContext), not at every look at a growing stream.
struct OutputContext
{
    std::shared_ptr<const Detector> leak;   // null: no system prompt, or the policy does not ask
    std::shared_ptr<const Detector> schema; // null: no schema, an unreadable one, or not asked
    bool complete = true; // false while a stream is still arriving: the schema waits for the end
};

struct TextVerdict
{
    std::string text;           // after the policy's rewrites
    std::vector<Placed> placed; // every finding the policy has a rule for, with its action
    double injectionScore = 0;  // when the policy checks injection
    bool blocked = false;
    bool warned = false;
    std::string reason; // why it blocked, in words

    std::size_t reported() const { return placed.size(); }
};

// A policy made ready to run: its word lists compiled once, not per request. Immutable and
// shared by every request that runs under it.
class CompiledPolicy
{
public:
    explicit CompiledPolicy(Policy policy);
    ~CompiledPolicy();

    const Policy& policy() const { return policy_; }
    // Scans text with what the stage asks for and applies its actions.
    // withInjection false skips the injection check (a system prompt's instructions are the
    // developer's own).
    TextVerdict input(std::string_view text, Vault& vault, bool withInjection = true) const;
    TextVerdict output(std::string_view text, Vault& vault, const OutputContext& context) const;
    // The detectors this policy's output checks need for one request's answer.
    OutputContext outputContext(const std::string& systemPrompt, const std::string& schemaJson) const;

private:
    Policy policy_;
    std::unique_ptr<Detector> outputWords_; // banned words and topics
};

} // namespace ts::guard
