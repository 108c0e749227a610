#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts {

// The mergeable ranks of one encoding: token bytes <-> rank, parsed from a tiktoken rank file
// ("<base64 bytes> <rank>" per line). Tokens of one or two bytes are looked up in a direct table;
// longer ones in an open-addressing table over one byte blob, whose one-byte hash tags are kept
// apart so that a miss (most lookups while merging) usually reads one cache line of them.
class RankTable {
public:
    // Throws TokenizerError naming the line on malformed input; ranks must be 0..n-1, unique.
    static RankTable parse(std::string_view fileText);

    // Inline for one or two bytes: every merge starts from such lookups.
    std::optional<std::uint32_t> rank(std::string_view bytes) const
    {
        return bytes.size() <= 2 ? shortRank(bytes) : longRank(bytes);
    }
    // Bytes of the token with this rank; empty when out of range.
    std::string_view bytes(std::uint32_t rank) const;
    std::size_t size() const { return m_offsets.empty() ? 0 : m_offsets.size() - 1; }

private:
    void buildIndex();
    void buildShortIndex();
    bool holds(std::uint32_t rank, std::string_view token) const;
    std::optional<std::uint32_t> longRank(std::string_view bytes) const;

    std::optional<std::uint32_t> shortRank(std::string_view bytes) const
    {
        if (bytes.empty())
            return std::nullopt;
        const std::size_t first = static_cast<unsigned char>(bytes[0]);
        const auto second = [&] { return std::size_t(static_cast<unsigned char>(bytes[1])); };
        const auto entry = bytes.size() == 1 ? m_short[first] : m_short[256 + first * 256 + second()];
        return entry == 0 ? std::nullopt : std::optional<std::uint32_t>(entry - 1);
    }

    std::string m_blob;                   // all tokens' bytes, in rank order
    std::vector<std::uint32_t> m_offsets; // token r is m_blob[m_offsets[r], m_offsets[r + 1])
    std::vector<std::uint8_t> m_tags;     // per slot: 0 = empty, else the hash's tag; size is a power of two
    std::vector<std::uint32_t> m_slots;   // per slot: the rank
    std::vector<std::uint32_t> m_short;   // rank + 1 (0 = none): of byte b at b, of b c at 256 + 256b + c
};

} // namespace ts
