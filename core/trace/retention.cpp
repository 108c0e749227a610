#include "trace/retention.h"

#include "trace/workspace_error.h"
#include "trace/workspace_settings.h"

#include <charconv>
#include <stdexcept>

namespace ts::retention {

namespace {

constexpr std::string_view kKey = "retention_days";

bool inRange(long long days)
{
    return days >= 1 && days <= kMaxDays;
}

} // namespace

std::optional<int> read(sql::Connection& db, const std::string& path)
{
    const std::optional<std::string> text = workspace::readSetting(db, kKey);
    if (!text)
        return std::nullopt;
    long long days = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), days);
    if (ec != std::errc{} || end != text->data() + text->size() || !inRange(days))
        throw WorkspaceError(
            WorkspaceError::Reason::Corrupt,
            path + ": the retention setting reads '" + *text +
                "', not a number of days; set it again (tokenscope-cli retention --days N or --off)");
    return static_cast<int>(days);
}

void write(sql::Connection& db, std::optional<int> days)
{
    if (days && !inRange(*days))
        throw std::invalid_argument("retention keeps traces for 1 to " + std::to_string(kMaxDays) +
                                    " days, not " + std::to_string(*days));
    workspace::writeSetting(db, kKey, days ? std::optional(std::to_string(*days)) : std::nullopt);
}

TraceFilter olderThan(int days, Nanos now)
{
    TraceFilter filter;
    filter.until = now - static_cast<Nanos>(days) * kNsPerDay;
    return filter;
}

} // namespace ts::retention
