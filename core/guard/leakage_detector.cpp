#include "guard/leakage_detector.h"

#include <vector>

namespace ts::guard {

LeakageDetector::LeakageDetector(std::string systemPrompt, double minOverlap) : m_minOverlap(minOverlap)
{
    std::vector<std::uint64_t> words;
    LeakageWords splitter;
    const auto onWord = [&](std::uint64_t hash, std::size_t, std::size_t) { words.push_back(hash); };
    splitter.feed(systemPrompt, onWord);
    splitter.finish(onWord);
    m_n = std::min(kLeakShingleWords, words.size());
    if (m_n == 0)
        return;
    for (std::size_t i = 0; i + m_n <= words.size(); ++i)
        m_shingles.insert(shingleHash(words.data() + i, m_n));
}

void LeakageDetector::scan(std::string_view text, std::vector<Finding>& out) const
{
    LeakageStream stream(*this);
    std::vector<Finding> found = stream.feed(text);
    for (Finding& f : stream.finish())
        found.push_back(std::move(f));
    for (Finding& f : found) {
        f.score = stream.share(); // the whole answer is known: every range gets the final share
        out.push_back(std::move(f));
    }
}

} // namespace ts::guard
