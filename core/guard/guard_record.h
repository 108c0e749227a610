#pragma once
#include "guard/action.h"
#include "guard/finding.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// How guard stages write what they found onto their spans (guard.input, guard.output), and how
// panels read it back. Offsets point into the text as stored in the trace: after the policy's
// actions, so a redacted e-mail's range covers its placeholder and the original is nowhere.
namespace ts::guard {

inline constexpr std::string_view kAttrBlocked = "tokenscope.guard.blocked"; // bool
inline constexpr std::string_view kAttrReason = "tokenscope.guard.reason";   // why it blocked, in words
inline constexpr std::string_view kAttrTypes = "tokenscope.guard.types";     // "email,card", sorted, distinct
inline constexpr std::string_view kAttrDetail = "tokenscope.guard.detail";   // JSON, see RecordedFinding
inline constexpr std::string_view kAttrInjectionScore = "tokenscope.guard.injection_score"; // 0..1
inline constexpr std::string_view kAttrWarned = "tokenscope.guard.warned"; // bool: a warn action fired

inline constexpr int kOutputMessage = -1; // RecordedFinding::message for the answer

struct RecordedFinding
{
    std::string type;
    Category category = Category::PersonalData;
    int message = kOutputMessage; // index into the trace's input messages, or kOutputMessage
    std::size_t start = 0;        // byte offsets into that message's stored text
    std::size_t end = 0;
    double score = 1.0;
    Action action = Action::Log;
};

// [{"type":"email","category":"personal_data","message":0,"start":6,"end":15,"score":1,"action":"redact"},
// ...]
std::string writeDetail(const std::vector<RecordedFinding>& findings);
// Skips entries it cannot read; nullopt when the text is not a JSON array at all.
std::optional<std::vector<RecordedFinding>> readDetail(std::string_view json);

} // namespace ts::guard
