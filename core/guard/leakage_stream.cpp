#include "guard/leakage_detector.h"

namespace ts::guard {

LeakageStream::LeakageStream(const LeakageDetector& detector) : m_detector(detector) {}

std::vector<Finding> LeakageStream::feed(std::string_view delta)
{
    if (m_detector.m_shingles.empty())
        return {};
    m_words.feed(delta, [this](std::uint64_t h, std::size_t s, std::size_t e) { word(h, s, e); });
    return release();
}

std::vector<Finding> LeakageStream::finish()
{
    if (m_detector.m_shingles.empty())
        return {};
    m_words.finish([this](std::uint64_t h, std::size_t s, std::size_t e) { word(h, s, e); });
    closeRange();
    return release();
}

double LeakageStream::share() const
{
    const std::size_t total = m_detector.m_shingles.size();
    return total == 0 ? 0.0 : static_cast<double>(m_hit.size()) / static_cast<double>(total);
}

void LeakageStream::word(std::uint64_t hash, std::size_t start, std::size_t end)
{
    const std::size_t n = m_detector.m_n;
    m_window.push_back({hash, start, end});
    if (m_window.size() > n)
        m_window.pop_front();
    const std::size_t index = m_wordIndex++;
    const std::size_t firstInWindow = index + 1 - m_window.size();
    // A range no later window can touch is complete.
    if (m_open && firstInWindow > m_rangeLastWord + 1)
        closeRange();
    if (m_window.size() < n)
        return;
    std::uint64_t hashes[kLeakShingleWords];
    for (std::size_t i = 0; i < n; ++i)
        hashes[i] = m_window[i].hash;
    const std::uint64_t shingle = shingleHash(hashes, n);
    if (!m_detector.m_shingles.contains(shingle))
        return;
    m_hit.insert(shingle);
    if (!m_open) {
        m_open = true;
        m_rangeStart = m_window.front().start;
    }
    m_rangeEnd = end;
    m_rangeLastWord = index;
}

void LeakageStream::closeRange()
{
    if (!m_open)
        return;
    m_open = false;
    m_held.push_back(
        {"system_prompt_leak", Category::Output, m_rangeStart, m_rangeEnd, 0.0, "repeats the system prompt"});
}

std::vector<Finding> LeakageStream::release()
{
    if (m_held.empty() || share() < m_detector.m_minOverlap)
        return {};
    std::vector<Finding> out = std::move(m_held);
    m_held.clear();
    for (Finding& f : out) {
        f.score = share();
        f.evidence =
            "repeats " + std::to_string(static_cast<int>(share() * 100 + 0.5)) + "% of the system prompt";
    }
    return out;
}

} // namespace ts::guard
