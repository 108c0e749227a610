#pragma once
#include "model/time.h"

#include <QString>
#include <QTimeZone>

#include <cstdint>

// How numbers, times and money read everywhere in the UI. Free functions, no locale surprises:
// digits are grouped with commas and decimals use a point, so columns look the same on every machine.
namespace ts::ui::format {

QString grouped(std::int64_t value);        // 12,345
QString traceCount(std::int64_t count);     // 1 trace, 12,345 traces
QString tokens(std::int64_t count);         // 12,345
QString bytes(std::uintmax_t size);         // 812 B, 4.2 KB, 120.4 MB, 1.23 GB (powers of 1000)
QString cost(double usd);                   // $0.0123, $1.23, $1,234.50, <$0.0001, $0
QString duration(double ms);                // 0.42 ms, 8.5 ms, 850 ms, 1.24 s, 2 min 03 s, 1 h 05 min
QString offset(double ms);                  // +12.3 ms, +1.240 s (time since a start)
QString timestamp(Nanos ns);                        // local time: 2026-11-26 14:03:21
QString timestamp(Nanos ns, const QTimeZone& zone);
QString relativeTime(Nanos then, Nanos now); // just now, 42 s ago, 5 min ago, 3 h ago, 2 days ago, in 5 min

} // namespace ts::ui::format
