#pragma once
#include <cstdint>

namespace ts {

// Nanoseconds since the Unix epoch; every timestamp in core uses it (OTLP's unit).
using Nanos = std::int64_t;

constexpr Nanos kNsPerMs = 1'000'000;
constexpr Nanos kNsPerSec = 1'000'000'000;

Nanos wallNowNs();

inline double nsToMs(Nanos ns) { return static_cast<double>(ns) / static_cast<double>(kNsPerMs); }

} // namespace ts
