#include "model/span.h"


namespace ts {

const AttrValue* Span::attr(std::string_view key) const
{
    auto it = attributes.find(key);
    return it == attributes.end() ? nullptr : &it->second;
}

std::string Span::attrString(std::string_view key) const { return std::string(attrView(key)); }

std::string_view Span::attrView(std::string_view key) const
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

} // namespace ts
