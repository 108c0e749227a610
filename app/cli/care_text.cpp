#include "care_text.h"

#include <cstdio>

namespace ts::cli {

std::string tracesAndCost(std::int64_t traces, double costUsd)
{
    char cost[64];
    std::snprintf(cost, sizeof cost, "$%.6f", costUsd);
    return std::to_string(traces) + (traces == 1 ? " trace (" : " traces (") + cost + ")";
}

std::string humanBytes(std::uintmax_t bytes)
{
    if (bytes < 1000)
        return std::to_string(bytes) + " B";
    const char* units[] = {"KB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes) / 1000.0;
    int unit = 0;
    while (value >= 1000.0 && unit < 3) {
        value /= 1000.0;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
    return text;
}

} // namespace ts::cli
