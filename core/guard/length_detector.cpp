#include "guard/length_detector.h"

#include <string>

namespace ts::guard {

namespace {

constexpr std::size_t kMaxContinuation = 3; // a UTF-8 character has at most three after its lead

bool continuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

LengthDetector::LengthDetector(std::size_t maxBytes) : m_maxBytes(maxBytes) {}

void LengthDetector::scan(std::string_view text, std::vector<Finding>& out) const
{
    if (text.size() <= m_maxBytes)
        return;
    std::size_t cut = m_maxBytes;
    // Invalid UTF-8 may have any number of stray continuation bytes: step back over a character's
    // worth at most.
    for (std::size_t back = 0; cut > 0 && back < kMaxContinuation && continuationByte(text[cut]); ++back)
        --cut;
    if (continuationByte(text[cut]))
        cut = m_maxBytes;
    out.push_back(
        {"max_length", Category::Output, cut, text.size(), 1.0,
         "answer is " + std::to_string(text.size()) + " bytes, the limit is " + std::to_string(m_maxBytes)});
}

} // namespace ts::guard
