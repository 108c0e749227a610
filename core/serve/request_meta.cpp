#include "serve/request_meta.h"

namespace ts::serve {

namespace {

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

} // namespace

void applyGatewayMeta(RequestMeta& meta, std::string_view user, std::string_view session, std::string_view tags)
{
    meta.source = "gateway";
    if (!trimmed(user).empty())
        meta.user = std::string(trimmed(user));
    if (!trimmed(session).empty())
        meta.session = std::string(trimmed(session));
    while (!tags.empty()) {
        const auto comma = tags.find(',');
        const std::string_view tag = trimmed(tags.substr(0, comma));
        if (!tag.empty())
            meta.tags.emplace_back(tag);
        tags = comma == std::string_view::npos ? std::string_view() : tags.substr(comma + 1);
    }
}

} // namespace ts::serve
