#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct hs_database;
struct hs_scratch;

namespace ts::guard {

// Hyperscan pattern flags, combined with |. Utf8 is left out on purpose: Hyperscan's behaviour on
// invalid UTF-8 is undefined with it, and detectors must accept any bytes.
enum PatternFlag : unsigned {
    kCaseless = 1u << 0,
    kDotAll = 1u << 1,
    kMultiLine = 1u << 2,
    kLeftmostStart = 1u << 3, // report where the match starts (HS_FLAG_SOM_LEFTMOST)
};

struct ScanPattern
{
    unsigned id = 0;
    std::string regex;
    unsigned flags = 0;
};

// A set of regexes compiled once into one Hyperscan block-mode database and scanned in one pass.
// scan() is const and thread-safe: each call borrows a scratch space from a pool (cloned on
// demand, so as many exist as threads ever scanned at once). Matches arrive in order of their end.
class PatternScanner
{
public:
    // `from` is the leftmost start for kLeftmostStart patterns and equals `to` for the others.
    using OnMatch = std::function<void(unsigned id, std::size_t from, std::size_t to)>;

    // Throws std::runtime_error naming the failing pattern and Hyperscan's message. maxBlock is
    // the most bytes one Hyperscan call sees (it takes at most UINT_MAX); see scan().
    explicit PatternScanner(const std::vector<ScanPattern>& patterns, std::size_t maxBlock = kHyperscanLimit,
                            std::size_t overlap = kDefaultOverlap);
    ~PatternScanner();
    PatternScanner(const PatternScanner&) = delete;
    PatternScanner& operator=(const PatternScanner&) = delete;

    // Longer texts are scanned in blocks of maxBlock overlapping by `overlap` bytes; a match that
    // ends inside an overlap is reported once. A match longer than the overlap that straddles two
    // blocks is reported with its start clipped to the block's start (or missed when it needs
    // context the block does not hold).
    void scan(std::string_view text, const OnMatch& onMatch) const;

    static constexpr std::size_t kHyperscanLimit = 0xffffffffu;
    static constexpr std::size_t kDefaultOverlap = 1u << 16;

private:
    class ScratchPool;
    void scanBlock(std::string_view text, std::size_t base, std::size_t reportAfter, const OnMatch& onMatch) const;

    hs_database* m_db = nullptr;
    std::unique_ptr<ScratchPool> m_scratches;
    std::vector<bool> m_leftmost; // by pattern id: does `from` hold the start?
    std::size_t m_maxBlock;
    std::size_t m_overlap;
};

} // namespace ts::guard
