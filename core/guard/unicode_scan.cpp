#include "guard/unicode_scan.h"

#include "guard/utf8_cursor.h"

#include <cctype>
#include <string>

namespace ts::guard {

namespace {

constexpr char32_t kBlackFlag = 0x1F3F4;
constexpr char32_t kCancelTag = 0xE007F;
constexpr std::size_t kFlagTags = 8; // "gbsct" + cancel, with room

bool zeroWidth(char32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF;
}
bool bidiControl(char32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}
bool tag(char32_t cp)
{
    return cp >= 0xE0000 && cp <= 0xE007F;
}
bool asciiAlnum(char32_t cp)
{
    return cp < 0x80 && std::isalnum(static_cast<int>(cp));
}

// Where the characters of one kind sit, as a single finding from the first to the last.
struct Tally
{
    std::size_t count = 0;
    std::size_t start = 0;
    std::size_t end = 0;

    void add(std::size_t from, std::size_t to)
    {
        if (count++ == 0)
            start = from;
        end = to;
    }
};

class InvisibleScanner
{
  public:
    explicit InvisibleScanner(std::string_view text) : m_text(text) {}

    InvisibleScan run()
    {
        forEachCodePoint(m_text,
                         [this](char32_t cp, std::size_t start, std::size_t end) { visit(cp, start, end); });
        endTags();
        report(m_zeroWidth, 0.3, 0.45, "zero-width characters hidden in the text");
        report(m_bidi, 0.35, 0.35, "bidirectional override characters that reorder what is shown");
        report(m_tags, 0.6, 0.6, "Unicode tag characters that spell invisible text");
        return std::move(m_out);
    }

  private:
    void visit(char32_t cp, std::size_t start, std::size_t end)
    {
        if (tag(cp)) {
            takeTag(cp, start, end);
            return;
        }
        if (zeroWidth(cp)) {
            // Joiners and direction marks are ordinary between non-Latin letters; between Latin
            // letters and digits they only split words.
            const bool always = cp == 0x200B || cp >= 0x2060 || (cp == 0xFEFF && start > 0);
            if (always) {
                m_zeroWidth.add(start, end);
            } else if (asciiAlnum(m_previous)) {
                m_joinerPending = true;
                m_joinerStart = start;
                m_joinerEnd = end;
            }
            return;
        }
        endTags();
        if (m_joinerPending && asciiAlnum(cp))
            m_zeroWidth.add(m_joinerStart, m_joinerEnd);
        m_joinerPending = false;
        if (bidiControl(cp))
            m_bidi.add(start, end);
        else
            m_previous = cp;
    }

    void takeTag(char32_t cp, std::size_t start, std::size_t end)
    {
        if (m_tagCount++ == 0) {
            m_tagStart = start;
            m_tagText.clear();
            m_afterFlag = m_previous == kBlackFlag;
        }
        m_tagEnd = end;
        m_tagCancelled = cp == kCancelTag;
        if (cp >= 0xE0020 && cp <= 0xE007E)
            m_tagText += static_cast<char>(cp - 0xE0000);
    }

    void endTags()
    {
        if (m_tagCount == 0)
            return;
        const bool flag = m_afterFlag && m_tagCancelled && m_tagCount <= kFlagTags;
        if (!flag) {
            m_tags.add(m_tagStart, m_tagEnd);
            if (!m_tagText.empty())
                m_out.hidden.push_back({m_tagStart, m_tagEnd, std::move(m_tagText)});
        }
        m_tagCount = 0;
        m_tagText.clear();
    }

    void report(const Tally& t, double weight, double manyWeight, const char* what)
    {
        if (t.count == 0)
            return;
        constexpr std::size_t kMany = 8;
        m_out.findings.push_back({"invisible_characters", Category::Injection, t.start, t.end,
                                  t.count >= kMany ? manyWeight : weight,
                                  std::to_string(t.count) + " " + what});
    }

    std::string_view m_text;
    InvisibleScan m_out;
    Tally m_zeroWidth, m_bidi, m_tags;
    char32_t m_previous = 0;
    bool m_joinerPending = false;
    std::size_t m_joinerStart = 0, m_joinerEnd = 0;
    std::size_t m_tagCount = 0, m_tagStart = 0, m_tagEnd = 0;
    bool m_afterFlag = false, m_tagCancelled = false;
    std::string m_tagText;
};

} // namespace

InvisibleScan scanInvisible(std::string_view text)
{
    return InvisibleScanner(text).run();
}

} // namespace ts::guard
