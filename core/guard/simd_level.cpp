#include "guard/simd_level.h"

#include <cstdlib>

namespace ts::guard {

namespace {

SimdLevel detected()
{
    // AVX-512 here means F and BW: byte compares straight into 64-bit masks; its code also uses
    // BMI1/2 and LZCNT (andn and friends in general registers, where GCC otherwise borrows mask
    // registers), which every AVX-512 CPU has.
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("bmi") &&
        __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("lzcnt") && __builtin_cpu_supports("popcnt"))
        return SimdLevel::Avx512;
    return __builtin_cpu_supports("avx2") ? SimdLevel::Avx2 : SimdLevel::Sse2;
}

SimdLevel chosen()
{
    const SimdLevel best = detected();
    const char* asked = std::getenv("TOKENSCOPE_GUARD_ISA");
    if (!asked)
        return best;
    const std::string_view name(asked);
    // Never more than the CPU has; an unknown name leaves the choice alone.
    if (name == "sse2")
        return SimdLevel::Sse2;
    if (name == "avx2" && best != SimdLevel::Sse2)
        return SimdLevel::Avx2;
    return best;
}

} // namespace

SimdLevel simdLevel()
{
    static const SimdLevel level = chosen();
    return level;
}

std::string_view simdLevelName(SimdLevel level)
{
    switch (level) {
    case SimdLevel::Sse2:
        return "sse2";
    case SimdLevel::Avx2:
        return "avx2";
    case SimdLevel::Avx512:
        return "avx512";
    }
    return "sse2";
}

} // namespace ts::guard
