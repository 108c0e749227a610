#include "guard/leakage_words.h"

#include <cctype>

namespace ts::guard {

namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t fnv(std::string_view bytes)
{
    std::uint64_t h = kFnvOffset;
    for (const char c : bytes)
        h = (h ^ static_cast<unsigned char>(c)) * kFnvPrime;
    return h;
}

} // namespace

void LeakageWords::feed(std::string_view piece, const OnWord& onWord)
{
    for (std::size_t i = 0; i < piece.size(); ++i) {
        const auto c = static_cast<unsigned char>(piece[i]);
        const std::size_t at = m_offset + i;
        if (m_skip > 0) {
            // The second byte of E2 80..80 xx decides: U+2000..U+203F is punctuation.
            --m_skip;
            continue;
        }
        if (c == 0xE2 && i + 1 < piece.size() && static_cast<unsigned char>(piece[i + 1]) == 0x80) {
            endWord(onWord);
            m_skip = 2;
            continue;
        }
        if (c >= 0x80 || std::isalnum(c)) {
            if (m_word.empty())
                m_wordStart = at;
            m_word += static_cast<char>(std::tolower(c));
        } else {
            endWord(onWord);
        }
    }
    m_offset += piece.size();
}

void LeakageWords::finish(const OnWord& onWord)
{
    endWord(onWord);
}

void LeakageWords::endWord(const OnWord& onWord)
{
    if (m_word.empty())
        return;
    const std::size_t end = m_wordStart + m_word.size();
    onWord(fnv(m_word), m_wordStart, end);
    m_word.clear();
}

std::uint64_t shingleHash(const std::uint64_t* words, std::size_t count)
{
    std::uint64_t h = kFnvOffset;
    for (std::size_t i = 0; i < count; ++i)
        h = (h ^ words[i]) * kFnvPrime + (h >> 29);
    return h;
}

} // namespace ts::guard
