#include "guard/word_list_detector.h"

#include "guard/utf8_cursor.h"

#include <cctype>
#include <cstdio>

namespace ts::guard {

namespace {

// Letters of any script continue a word; ASCII punctuation, general punctuation, CJK
// punctuation and emoji do not.
bool wordChar(char32_t cp)
{
    if (cp < 0x80)
        return std::isalnum(static_cast<int>(cp)) || cp == '_';
    return cp != kInvalid && !(cp <= 0xBF) && !(cp >= 0x2000 && cp <= 0x2BFF) &&
           !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0x1F000 && cp <= 0x1FAFF) && cp != 0xFEFF;
}

bool wordBefore(std::string_view text, std::size_t start)
{
    if (start == 0)
        return false;
    std::size_t lead = start - 1;
    for (int back = 0; back < 3 && lead > 0 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80;
         ++back)
        --lead;
    return wordChar(readCodePoint(text, lead).value);
}

bool wordAfter(std::string_view text, std::size_t end)
{
    return end < text.size() && wordChar(readCodePoint(text, end).value);
}

// Every byte but letters and digits escaped; spaces match any whitespace.
std::string literalRegex(std::string_view term)
{
    std::string regex;
    bool space = false;
    for (const char c : term) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
            continue;
        }
        if (space && !regex.empty())
            regex += "\\s+";
        space = false;
        if (std::isalnum(static_cast<unsigned char>(c))) {
            regex += c;
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>(c));
            regex += hex;
        }
    }
    return regex;
}

} // namespace

WordListDetector::WordListDetector(std::vector<std::string> words,
                                   std::map<std::string, std::vector<std::string>> topics)
{
    for (std::string& w : words)
        m_entries.push_back({std::move(w), {}});
    for (auto& [topic, terms] : topics)
        for (std::string& t : terms)
            m_entries.push_back({std::move(t), topic});
    std::vector<ScanPattern> patterns;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        std::string regex = literalRegex(m_entries[i].term);
        if (!regex.empty())
            patterns.push_back({static_cast<unsigned>(i), std::move(regex), kCaseless | kLeftmostStart});
    }
    if (!patterns.empty())
        m_scanner = std::make_unique<PatternScanner>(patterns);
}

void WordListDetector::scan(std::string_view text, std::vector<Finding>& out) const
{
    if (!m_scanner)
        return;
    m_scanner->scan(text, [&](unsigned id, std::size_t from, std::size_t to) {
        if (wordBefore(text, from) || wordAfter(text, to))
            return;
        const Entry& e = m_entries[id];
        if (e.topic.empty())
            out.push_back({"banned_word", Category::Output, from, to, 1.0, "banned word \"" + e.term + "\""});
        else
            out.push_back({"banned_topic", Category::Output, from, to, 1.0,
                           "banned topic '" + e.topic + "': \"" + e.term + "\""});
    });
}

} // namespace ts::guard
