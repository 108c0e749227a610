#include "model/time_format.h"

#include <cstdio>
#include <ctime>

namespace ts {

std::string isoUtc(Nanos t)
{
    const std::time_t secs = static_cast<std::time_t>(t / kNsPerSec);
    const int ms = static_cast<int>((t % kNsPerSec) / kNsPerMs);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64]; // ample for any int fields, so -Wformat-truncation stays quiet
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
    return buf;
}

} // namespace ts
