#include "tokens/rank_table.h"

#include "tokens/base64.h"
#include "tokens/tokenizer_error.h"

#include <charconv>
#include <cstring>

namespace ts {
namespace {

// The last size < 8 bytes as one word, with fixed-size loads (a variable memcpy is a libc call).
std::uint64_t tailWord(const char* p, std::size_t size)
{
    if (size >= 4) {
        std::uint32_t head = 0;
        std::uint32_t tail = 0;
        std::memcpy(&head, p, 4);
        std::memcpy(&tail, p + size - 4, 4);
        return head | std::uint64_t(tail) << 32;
    }
    if (size == 0)
        return 0;
    const auto byte = [&](std::size_t i) { return std::uint64_t(static_cast<unsigned char>(p[i])); };
    return byte(0) | byte(size / 2) << 8 | byte(size - 1) << 16;
}

std::uint64_t hashBytes(std::string_view s)
{
    std::uint64_t h = 0x9e3779b97f4a7c15ull ^ s.size();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t chunk;
        std::memcpy(&chunk, s.data() + i, 8);
        h = (h ^ chunk) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    h = (h ^ tailWord(s.data() + i, s.size() - i)) * 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 29);
}

std::uint8_t tagOf(std::uint64_t hash)
{
    const auto tag = static_cast<std::uint8_t>(hash >> 56);
    return tag == 0 ? 1 : tag;
}

[[noreturn]] void failLine(std::size_t lineNo, std::string_view why)
{
    throw TokenizerError("rank file line " + std::to_string(lineNo) + ": " + std::string(why));
}

} // namespace

RankTable RankTable::parse(std::string_view text)
{
    RankTable table;
    table.m_offsets.push_back(0);
    std::size_t lineNo = 0;
    while (!text.empty()) {
        const auto eol = text.find('\n');
        auto line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
        ++lineNo;
        if (line.empty())
            continue;
        const auto space = line.find(' ');
        if (space == std::string_view::npos)
            failLine(lineNo, "expected \"<base64> <rank>\"");
        std::uint32_t rank = 0;
        const auto digits = line.substr(space + 1);
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), rank);
        if (ec != std::errc{} || end != digits.data() + digits.size())
            failLine(lineNo, "bad rank");
        if (rank != table.size())
            failLine(lineNo, "ranks must be consecutive from 0");
        if (!appendBase64Decoded(line.substr(0, space), table.m_blob)
            || table.m_blob.size() == table.m_offsets.back())
            failLine(lineNo, "bad base64 token");
        table.m_offsets.push_back(static_cast<std::uint32_t>(table.m_blob.size()));
    }
    if (table.size() == 0)
        throw TokenizerError("rank file is empty");
    table.buildIndex();
    return table;
}

void RankTable::buildIndex()
{
    std::size_t capacity = 1;
    while (capacity < size() * 2)
        capacity <<= 1;
    m_tags.assign(capacity, 0);
    m_slots.assign(capacity, 0);
    const auto mask = capacity - 1;
    for (std::uint32_t r = 0; r < size(); ++r) {
        const auto token = bytes(r);
        const auto hash = hashBytes(token);
        auto slot = hash & mask;
        for (; m_tags[slot] != 0; slot = (slot + 1) & mask)
            if (holds(m_slots[slot], token))
                throw TokenizerError("rank file has a duplicate token at rank " + std::to_string(r));
        m_tags[slot] = tagOf(hash);
        m_slots[slot] = r;
    }
    buildShortIndex();
}

void RankTable::buildShortIndex()
{
    m_short.assign(256 + 256 * 256, 0);
    for (std::uint32_t r = 0; r < size(); ++r) {
        const auto token = bytes(r);
        const auto b = static_cast<unsigned char>(token[0]);
        if (token.size() == 1)
            m_short[b] = r + 1;
        else if (token.size() == 2)
            m_short[256 + b * 256 + static_cast<unsigned char>(token[1])] = r + 1;
    }
}

bool RankTable::holds(std::uint32_t rank, std::string_view token) const
{
    const auto begin = m_offsets[rank];
    return m_offsets[rank + 1] - begin == token.size()
           && std::memcmp(m_blob.data() + begin, token.data(), token.size()) == 0;
}

std::optional<std::uint32_t> RankTable::longRank(std::string_view token) const
{
    const auto hash = hashBytes(token);
    const auto tag = tagOf(hash);
    const auto mask = m_tags.size() - 1;
    for (auto slot = hash & mask; m_tags[slot] != 0; slot = (slot + 1) & mask)
        if (m_tags[slot] == tag && holds(m_slots[slot], token))
            return m_slots[slot];
    return std::nullopt;
}

std::string_view RankTable::bytes(std::uint32_t rank) const
{
    if (rank >= size())
        return {};
    return std::string_view(m_blob).substr(m_offsets[rank], m_offsets[rank + 1] - m_offsets[rank]);
}

} // namespace ts
