#include "model/span.h"

#include <array>
#include <mutex>
#include <random>

namespace ts {

const AttrValue* Span::attr(std::string_view key) const
{
    auto it = attributes.find(key);
    return it == attributes.end() ? nullptr : &it->second;
}

std::string Span::attrString(std::string_view key) const
{
    const AttrValue* v = attr(key);
    if (const auto* s = v ? std::get_if<std::string>(v) : nullptr)
        return *s;
    return {};
}

std::optional<std::int64_t> Span::attrInt(std::string_view key) const
{
    const AttrValue* v = attr(key);
    if (!v)
        return std::nullopt;
    if (const auto* i = std::get_if<std::int64_t>(v))
        return *i;
    if (const auto* d = std::get_if<double>(v))
        return static_cast<std::int64_t>(*d);
    return std::nullopt;
}

std::optional<double> Span::attrDouble(std::string_view key) const
{
    const AttrValue* v = attr(key);
    if (!v)
        return std::nullopt;
    if (const auto* d = std::get_if<double>(v))
        return *d;
    if (const auto* i = std::get_if<std::int64_t>(v))
        return static_cast<double>(*i);
    return std::nullopt;
}

bool Span::attrBool(std::string_view key) const
{
    const AttrValue* v = attr(key);
    const auto* b = v ? std::get_if<bool>(v) : nullptr;
    return b && *b;
}

namespace {

std::string randomHex(size_t bytes)
{
    static std::mutex mutex;
    static std::mt19937_64 rng{std::random_device{}()};
    static constexpr std::array<char, 16> digits{'0', '1', '2', '3', '4', '5', '6', '7',
                                                 '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    std::string out(bytes * 2, '0');
    std::lock_guard lock(mutex);
    for (size_t i = 0; i < out.size(); i += 16) {
        std::uint64_t r = rng();
        for (size_t j = i; j < std::min(out.size(), i + 16); ++j, r >>= 4)
            out[j] = digits[r & 0xF];
    }
    return out;
}

} // namespace

std::string newTraceId() { return randomHex(16); }
std::string newSpanId() { return randomHex(8); }

} // namespace ts
