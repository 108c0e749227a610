#pragma once
#include "guard/finding.h"
#include "guard/pattern_scanner.h"

#include <string_view>
#include <vector>

namespace ts::guard {

// The injection phrase and delimiter tables (injection_phrases.h) compiled once: one Hyperscan
// database over the folded text, one over the original bytes. Also reports words that mix Latin
// with look-alike letters (homoglyphs) and, on request, phrases written in rot13.
class PhraseScan
{
  public:
    PhraseScan();

    struct Options
    {
        bool rot13 = true;
    };
    void scan(std::string_view text, std::vector<Finding>& out, Options options) const;

  private:
    PatternScanner m_folded;
    PatternScanner m_raw;
};

} // namespace ts::guard
