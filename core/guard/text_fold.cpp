#include "guard/text_fold.h"

#include "guard/homoglyphs.h"
#include "guard/utf8_cursor.h"

#include <string_view>

namespace ts::guard {

namespace {

// Latin-1 letters U+00C0..U+00FF and Latin Extended-A U+0100..U+017F without their accents.
constexpr std::string_view kLatin1 = "aaaaaaaceeeeiiiidnooooo ouuuuyt"
                                     "saaaaaaaceeeeiiiidnooooo ouuuuyty";
constexpr std::string_view kLatinExtA = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkkllllllllll"
                                        "nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatin1.size() == 64 && kLatinExtA.size() == 128);

bool invisible(char32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF || cp == 0x00AD ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0000 && cp <= 0xE007F) || cp == 0x034F || cp == 0x180E;
}

// Punctuation, symbols, spaces and emoji: they separate words. Without Unicode tables this is a
// list of blocks; anything else above ASCII counts as a letter of some script.
bool separator(char32_t cp)
{
    return cp == kInvalid || (cp >= 0x80 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA) ||
           cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x2E00 && cp <= 0x2E7F) ||
           (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
           (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
           (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0x1F000 && cp <= 0x1FAFF) ||
           (cp >= 0xFE10 && cp <= 0xFE6F) || cp == 0xFFFD;
}

// The Latin letter a code point stands for (0 if none): ASCII, accented, full-width, mathematical.
char plainLatin(char32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return static_cast<char>(cp - 'A' + 'a');
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
        return static_cast<char>(cp);
    if (cp >= 0xC0 && cp <= 0xFF && kLatin1[cp - 0xC0] != ' ')
        return kLatin1[cp - 0xC0];
    if (cp >= 0x100 && cp <= 0x17F)
        return kLatinExtA[cp - 0x100];
    if (cp >= 0xFF21 && cp <= 0xFF3A)
        return static_cast<char>(cp - 0xFF21 + 'a');
    if (cp >= 0xFF41 && cp <= 0xFF5A)
        return static_cast<char>(cp - 0xFF41 + 'a');
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return static_cast<char>(cp - 0xFF10 + '0');
    if (cp >= 0x1D400 && cp <= 0x1D6A3) {
        const auto k = static_cast<char>((cp - 0x1D400) % 52);
        return k < 26 ? static_cast<char>('a' + k) : static_cast<char>('a' + k - 26);
    }
    if (cp >= 0x1D7CE && cp <= 0x1D7FF)
        return static_cast<char>('0' + (cp - 0x1D7CE) % 10);
    return 0;
}

char32_t lowerCyrillicGreek(char32_t cp)
{
    if (cp >= 0x0410 && cp <= 0x042F)
        return cp + 0x20;
    if (cp >= 0x0400 && cp <= 0x040F)
        return cp == 0x0401 ? U'е' : cp + 0x50;
    if (cp == U'ё')
        return U'е';
    if (cp >= 0x0391 && cp <= 0x03A9)
        return cp + 0x20;
    return cp;
}

class Folder
{
  public:
    explicit Folder(std::string_view text) : m_text(text)
    {
        m_out.text.reserve(text.size() + 2);
        m_out.from.reserve(text.size() + 2);
        m_out.to.reserve(text.size() + 2);
        space(0, 0);
    }

    FoldedText run()
    {
        forEachCodePoint(m_text,
                         [this](char32_t cp, std::size_t start, std::size_t end) { take(cp, start, end); });
        endWord();
        space(m_text.size(), m_text.size());
        return std::move(m_out);
    }

  private:
    void take(char32_t cp, std::size_t start, std::size_t end)
    {
        if (invisible(cp))
            return;
        if (const char latin = plainLatin(cp)) {
            m_latin = m_latin || latin > '9';
            emit(latin, start, end);
            if (cp == 0xDF) // ß
                emit('s', start, end);
        } else if (separator(cp) || cp < 0x80) {
            endWord();
            space(start, end);
        } else {
            const char32_t lower = lowerCyrillicGreek(cp);
            m_foreign = m_foreign || isCyrillicOrGreek(lower);
            appendUtf8(m_out.text, lower);
            m_out.from.resize(m_out.text.size(), start);
            m_out.to.resize(m_out.text.size(), end);
        }
    }

    void emit(char c, std::size_t start, std::size_t end)
    {
        m_out.text += c;
        m_out.from.push_back(start);
        m_out.to.push_back(end);
    }

    void space(std::size_t start, std::size_t end)
    {
        if (m_out.text.empty() || m_out.text.back() != ' ')
            emit(' ', start, end);
        m_wordStart = m_out.text.size();
    }

    // A word that mixes Latin with Cyrillic or Greek is rewritten with its look-alikes in Latin.
    void endWord()
    {
        if (m_latin && m_foreign)
            undoLookalikes();
        m_latin = m_foreign = false;
    }

    void undoLookalikes()
    {
        std::string word;
        std::vector<std::size_t> from, to;
        std::size_t i = m_wordStart;
        while (i < m_out.text.size()) {
            const CodePoint c = readCodePoint(m_out.text, i);
            const char latin = latinLookalike(c.value);
            if (latin) {
                word += latin;
                from.push_back(m_out.from[i]);
                to.push_back(m_out.to[i]);
            } else {
                word.append(m_out.text, i, c.length);
                from.insert(from.end(), m_out.from.begin() + static_cast<long>(i),
                            m_out.from.begin() + static_cast<long>(i + c.length));
                to.insert(to.end(), m_out.to.begin() + static_cast<long>(i),
                          m_out.to.begin() + static_cast<long>(i + c.length));
            }
            i += c.length;
        }
        m_out.text.resize(m_wordStart);
        m_out.from.resize(m_wordStart);
        m_out.to.resize(m_wordStart);
        m_out.text += word;
        m_out.from.insert(m_out.from.end(), from.begin(), from.end());
        m_out.to.insert(m_out.to.end(), to.begin(), to.end());
        m_out.mixedWords.push_back({m_wordStart, m_out.text.size()});
    }

    std::string_view m_text;
    FoldedText m_out;
    std::size_t m_wordStart = 0;
    bool m_latin = false;
    bool m_foreign = false;
};

} // namespace

std::pair<std::size_t, std::size_t> FoldedText::source(std::size_t start, std::size_t end) const
{
    while (start < end && text[start] == ' ')
        ++start;
    while (end > start && text[end - 1] == ' ')
        --end;
    if (start >= end)
        return {from[std::min(start, from.size() - 1)], from[std::min(start, from.size() - 1)]};
    return {from[start], to[end - 1]};
}

FoldedText foldText(std::string_view text)
{
    return Folder(text).run();
}

} // namespace ts::guard
