#include "tokens/rank_table.h"

#include "tokens/base64.h"
#include "tokens/tokenizer_error.h"

#include <charconv>
#include <cstring>

namespace ts {
namespace {

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
    std::uint64_t last = 0;
    std::memcpy(&last, s.data() + i, s.size() - i);
    h = (h ^ last) * 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 29);
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
        if (!appendBase64Decoded(line.substr(0, space), table.m_blob) || table.m_blob.size() == table.m_offsets.back())
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
    m_slots.assign(capacity, 0);
    const auto mask = capacity - 1;
    for (std::uint32_t r = 0; r < size(); ++r) {
        const auto token = bytes(r);
        auto slot = hashBytes(token) & mask;
        while (m_slots[slot] != 0) {
            if (bytes(m_slots[slot] - 1) == token)
                throw TokenizerError("rank file has a duplicate token at rank " + std::to_string(r));
            slot = (slot + 1) & mask;
        }
        m_slots[slot] = r + 1;
    }
}

std::optional<std::uint32_t> RankTable::rank(std::string_view token) const
{
    const auto mask = m_slots.size() - 1;
    for (auto slot = hashBytes(token) & mask; m_slots[slot] != 0; slot = (slot + 1) & mask) {
        const auto r = m_slots[slot] - 1;
        if (bytes(r) == token)
            return r;
    }
    return std::nullopt;
}

std::string_view RankTable::bytes(std::uint32_t rank) const
{
    if (rank >= size())
        return {};
    return std::string_view(m_blob).substr(m_offsets[rank], m_offsets[rank + 1] - m_offsets[rank]);
}

} // namespace ts
