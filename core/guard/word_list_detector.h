#pragma once
#include "guard/detector.h"
#include "guard/pattern_scanner.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ts::guard {

// banned_word and banned_topic: whole words or phrases, case-insensitive for ASCII letters, any
// run of whitespace matching a space. Compiled once into one Hyperscan database. A topic finding
// names its topic ("banned topic 'weapons': \"rifle\"").
class WordListDetector : public Detector
{
  public:
    WordListDetector(std::vector<std::string> words, std::map<std::string, std::vector<std::string>> topics);

    std::string_view name() const override { return "banned_words"; }
    void scan(std::string_view text, std::vector<Finding>& out) const override;

  private:
    struct Entry
    {
        std::string term;
        std::string topic; // empty for a banned word
    };
    std::vector<Entry> m_entries;
    std::unique_ptr<PatternScanner> m_scanner; // null when there is nothing to look for
};

} // namespace ts::guard
