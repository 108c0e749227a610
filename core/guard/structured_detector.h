#pragma once
#include "guard/detector.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ts::guard {

// One regex of the structured detector. The regex is a prefilter in Hyperscan syntax (also valid
// PCRE2) that describes where the rule's candidates are: a match only says where to look; the detector then finds the candidate's exact extent
// and validates it (Luhn, mod-97, ranges, entropy) before it becomes a finding.
struct PatternSpec
{
    unsigned id = 0;
    std::string_view type; // the finding's type: "email", "card", "openai_key"...
    Category category = Category::PersonalData;
    std::string regex;
    unsigned flags = 0; // PatternFlag bits (pattern_scanner.h)
};

// Includes one rule that yields no findings: kPublicKeyMarker marks public keys and certificates
// so their bodies are not reported as high-entropy secrets.
const std::vector<PatternSpec>& structuredPatterns();
inline constexpr std::string_view kPublicKeyMarker = "pem_public_block";

// Personal data (email, phone, card, iban, ssn, ipv4, ipv6, dob) and secrets (openai_key,
// anthropic_key, aws_access_key, github_token, slack_token, jwt, private_key, high_entropy).
// Findings come out normalized. The rules anchored on a literal run in Hyperscan; the class-only
// ones (digits, hex, long tokens) and dob in one hand-written SIMD pass, because each of them would
// cost Hyperscan a full extra pass over the bytes (structured_detector.cpp).
std::unique_ptr<Detector> makeStructuredDetector();

// The finding types those rules report, in rule order, each once (marker rules left out): what a
// policy may name.
const std::vector<std::string_view>& structuredTypes();

// The same rules all in one Hyperscan database: slower, with the same findings; the reference
// the fast route is tested against.
std::unique_ptr<Detector> makeStructuredDetectorReference();

} // namespace ts::guard
