#include "guard/injection_detector.h"

#include "guard/decoded_payloads.h"
#include "guard/unicode_scan.h"

#include <algorithm>

namespace ts::guard {

namespace {

constexpr double kPayloadFloor = 0.3; // a decoded payload counts when what it says weighs this much
constexpr std::size_t kMaxReasons = 256;

const Finding* strongest(const std::vector<Finding>& findings)
{
    const auto it = std::max_element(findings.begin(), findings.end(),
                                     [](const Finding& a, const Finding& b) { return a.score < b.score; });
    return it == findings.end() ? nullptr : &*it;
}

// Overlapping reasons of one type are one reason: the same instruction matched by two
// phrasings must not count twice.
void mergeOverlapping(std::vector<Finding>& reasons)
{
    std::sort(reasons.begin(), reasons.end(), [](const Finding& a, const Finding& b) {
        return a.type != b.type ? a.type < b.type : a.start < b.start;
    });
    std::vector<Finding> merged;
    for (Finding& f : reasons) {
        if (!merged.empty() && merged.back().type == f.type && f.start < merged.back().end) {
            Finding& last = merged.back();
            last.end = std::max(last.end, f.end);
            if (f.score > last.score) {
                last.score = f.score;
                last.evidence = std::move(f.evidence);
            }
            continue;
        }
        merged.push_back(std::move(f));
    }
    std::stable_sort(merged.begin(), merged.end(),
                     [](const Finding& a, const Finding& b) { return a.start < b.start; });
    if (merged.size() > kMaxReasons)
        merged.resize(kMaxReasons);
    reasons = std::move(merged);
}

double combined(const std::vector<Finding>& reasons)
{
    double clean = 1;
    for (const Finding& f : reasons)
        clean *= 1 - std::clamp(f.score, 0.0, 1.0);
    return std::min(1.0, 1 - clean);
}

} // namespace

InjectionDetector::InjectionDetector() = default;

InjectionAssessment InjectionDetector::assess(std::string_view text) const
{
    InjectionAssessment result;
    m_phrases.scan(text, result.reasons, {.rot13 = true});
    hiddenText(text, result.reasons);
    encodedPayloads(text, result.reasons);
    mergeOverlapping(result.reasons);
    result.score = combined(result.reasons);
    return result;
}

void InjectionDetector::scan(std::string_view text, std::vector<Finding>& out) const
{
    InjectionAssessment a = assess(text);
    out.insert(out.end(), std::make_move_iterator(a.reasons.begin()),
               std::make_move_iterator(a.reasons.end()));
}

// What tag characters spell is scanned like visible text; its reasons cover the tag run.
void InjectionDetector::hiddenText(std::string_view text, std::vector<Finding>& out) const
{
    InvisibleScan invisible = scanInvisible(text);
    out.insert(out.end(), invisible.findings.begin(), invisible.findings.end());
    for (const HiddenText& hidden : invisible.hidden) {
        std::vector<Finding> inner;
        m_phrases.scan(hidden.text, inner, {.rot13 = false});
        for (Finding& f : inner) {
            f.start = hidden.start;
            f.end = hidden.end;
            f.evidence = "hidden in tag characters: " + f.evidence;
            out.push_back(std::move(f));
        }
    }
}

// Base64 is decoded and scanned once (not recursively); one reason per run, the strongest inside.
void InjectionDetector::encodedPayloads(std::string_view text, std::vector<Finding>& out) const
{
    for (const DecodedPayload& payload : base64Payloads(text)) {
        std::vector<Finding> inner;
        m_phrases.scan(payload.text, inner, {.rot13 = false});
        const Finding* top = strongest(inner);
        if (!top || top->score < kPayloadFloor)
            continue;
        out.push_back({"encoded_payload", Category::Injection, payload.start, payload.end,
                       std::min(0.95, std::max(0.7, top->score + 0.1)),
                       "base64 text that decodes to: " + top->evidence});
    }
}

} // namespace ts::guard
