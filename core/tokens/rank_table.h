#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts {

// The mergeable ranks of one encoding: token bytes <-> rank, parsed from a tiktoken rank file
// ("<base64 bytes> <rank>" per line). Lookup is an open-addressing table over one byte blob.
class RankTable {
public:
    // Throws TokenizerError naming the line on malformed input; ranks must be 0..n-1, unique.
    static RankTable parse(std::string_view fileText);

    std::optional<std::uint32_t> rank(std::string_view bytes) const;
    // Bytes of the token with this rank; empty when out of range.
    std::string_view bytes(std::uint32_t rank) const;
    std::size_t size() const { return m_offsets.empty() ? 0 : m_offsets.size() - 1; }

private:
    void buildIndex();

    std::string m_blob;                   // all tokens' bytes, in rank order
    std::vector<std::uint32_t> m_offsets; // token r is m_blob[m_offsets[r], m_offsets[r + 1])
    std::vector<std::uint32_t> m_slots;   // rank + 1, 0 = empty; size is a power of two
};

} // namespace ts
