#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace ts::guard {

// Splits text into normalised words for shingling, a piece at a time: ASCII letters lower-cased,
// punctuation and whitespace (ASCII and U+2000..U+203F: dashes, curly quotes) dropped, other
// bytes kept. Each word is reported as a hash with its byte range in the whole stream.
class LeakageWords
{
  public:
    using OnWord = std::function<void(std::uint64_t hash, std::size_t start, std::size_t end)>;

    void feed(std::string_view piece, const OnWord& onWord);
    void finish(const OnWord& onWord); // the last word has nothing after it to end it

  private:
    void endWord(const OnWord& onWord);

    std::string m_word;
    std::size_t m_wordStart = 0;
    std::size_t m_offset = 0; // bytes fed so far
    int m_skip = 0;           // continuation bytes of a punctuation character still to drop
};

std::uint64_t shingleHash(const std::uint64_t* words, std::size_t count);

} // namespace ts::guard
