#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace ts::codec {

// LEB128 unsigned varints, and zigzag for signed values, for compact binary columns.
void appendVarint(std::string& out, std::uint64_t value);
// Reads one varint at `at` and moves past it; throws CorruptValue when it is cut off or too long.
std::uint64_t readVarint(std::string_view bytes, size_t& at);

inline std::uint64_t zigzag(std::int64_t value)
{
    return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}

inline std::int64_t unzigzag(std::uint64_t value)
{
    return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
}

} // namespace ts::codec
