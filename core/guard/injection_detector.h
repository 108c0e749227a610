#pragma once
#include "guard/detector.h"
#include "guard/phrase_scan.h"

#include <string_view>
#include <vector>

namespace ts::guard {

// At or above this score a text is treated as an injection attempt (measured on
// tests/data/guard/injection_labelled.jsonl; see bench/guard_bench_injection.cpp).
inline constexpr double kInjectionThreshold = 0.5;

// Why a text looks like an attempt to steer the model. Each reason is a Finding of category
// Injection whose type names the signal (instruction_override, role_play, spoofed_delimiter,
// invisible_characters, encoded_payload, homoglyphs) and whose score is that signal's weight;
// score = 1 − Π(1 − weight). Reasons are sorted by start.
struct InjectionAssessment
{
    double score = 0;
    std::vector<Finding> reasons;
};

// Heuristic prompt-injection detector: multilingual phrase tables over case-, accent-, spacing-
// and look-alike-folded text, chat-template delimiters over the raw bytes, invisible characters
// (with text hidden in Unicode tags decoded and scanned), base64 and rot13 payloads decoded and
// scanned. Linear in the input.
class InjectionDetector : public Detector
{
  public:
    InjectionDetector();

    std::string_view name() const override { return "injection"; }
    InjectionAssessment assess(std::string_view text) const;
    void scan(std::string_view text, std::vector<Finding>& out) const override; // appends the reasons

  private:
    void hiddenText(std::string_view text, std::vector<Finding>& out) const;
    void encodedPayloads(std::string_view text, std::vector<Finding>& out) const;

    PhraseScan m_phrases;
};

} // namespace ts::guard
