#pragma once
#include <cstdint>
#include <mutex>
#include <random>
#include <string>

namespace ts {

// Where trace and span ids come from (OTLP's 16- and 8-byte ids as lower-case hex): random by
// default, seeded for reproducible demo data. Thread-safe.
class IdSource
{
public:
    IdSource() : rng_(std::random_device{}()) {}
    explicit IdSource(std::uint64_t seed) : rng_(seed) {}
    std::string traceId() { return hex(16); }
    std::string spanId() { return hex(8); }

private:
    std::string hex(int bytes);
    std::mutex mutex_;
    std::mt19937_64 rng_;
};

IdSource& randomIds();
inline std::string newTraceId() { return randomIds().traceId(); }
inline std::string newSpanId() { return randomIds().spanId(); }

} // namespace ts
